import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorCode, ErrorBody } from '../../shared/protocol/messages';

/** An error meant for the client: its status, code and headers become the JSON answer. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    /** Headers the answer must carry, such as Retry-After or WWW-Authenticate. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get body(): ErrorBody {
    return { error: this.code, message: this.message };
  }
}
