import { ApiErrorCode } from '../../shared/protocol/messages';
import { ApiError } from '../http/api-error';
import { RateLimiter, type Budget, type Taken } from '../http/rate-limit';
import { normaliseEnrolCode } from '../../shared/domain/enrol-code';

export interface EnrolBudgets {
  /** Attempts from one client address. */
  perAddress: Budget;
  /** Attempts at codes starting with the same characters, from anywhere. */
  perCodePrefix: Budget;
}

/**
 * A county admin enrolling a room of tablets behind one address stays well
 * inside these: only failed attempts are kept, successful ones are given back.
 * A guesser gets ten tries a minute per address at a 38-bit code.
 */
export const ENROL_BUDGETS: EnrolBudgets = {
  perAddress: { burst: 10, perMinute: 10 },
  perCodePrefix: { burst: 20, perMinute: 20 },
};

export interface EnrolLimitsConfig {
  budgets?: Partial<EnrolBudgets> | undefined;
  /** Milliseconds, injectable for tests. */
  now?: (() => number) | undefined;
}

/** Characters of the normalised code that group attempts, so many addresses guessing one code are held too. */
const PREFIX_LENGTH = 4;

function refused(taken: Taken, what: string): void {
  if (taken.ok) return;
  const seconds = taken.retryAfterSeconds;
  throw new ApiError(429, ApiErrorCode.rateLimited, `too many enrolment attempts ${what}; try again in ${seconds} s`, {
    'Retry-After': String(seconds),
  });
}

/**
 * Rate limits of enrolment, the one thing a stranger can try without a
 * token. Each attempt takes a token before any work, so concurrent guesses
 * are held too; a successful enrolment (or its repeat) gives them back.
 */
export class EnrolLimits {
  private readonly addresses: RateLimiter;
  private readonly prefixes: RateLimiter;

  constructor({ budgets = {}, now }: EnrolLimitsConfig = {}) {
    this.addresses = new RateLimiter(budgets.perAddress ?? ENROL_BUDGETS.perAddress, { now });
    this.prefixes = new RateLimiter(budgets.perCodePrefix ?? ENROL_BUDGETS.perCodePrefix, { now });
  }

  /** Before the body is read. */
  enterFrom(address: string): void {
    refused(this.addresses.take(address), 'from this address');
  }

  /** Once the code is known. */
  enterWithCode(code: string): void {
    refused(this.prefixes.take(prefixOf(code)), 'for this code');
  }

  succeeded(address: string, code: string): void {
    this.addresses.giveBack(address);
    this.prefixes.giveBack(prefixOf(code));
  }
}

function prefixOf(code: string): string {
  return normaliseEnrolCode(code).slice(0, PREFIX_LENGTH);
}
