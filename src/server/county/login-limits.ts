import { ApiErrorCode } from '../../shared/protocol/messages';
import { ApiError } from '../http/api-error';
import { RateLimiter, type Budget, type Taken } from '../http/rate-limit';

export interface LoginBudgets {
  /** Attempts from one client address, at any usernames. */
  perAddress: Budget;
  /** Attempts at one username, from anywhere. */
  perUsername: Budget;
}

/**
 * Failed sign-ins only: a success gives its tokens back. A guesser gets a
 * few tries a minute at one account however many addresses it uses, and
 * each try costs it a full scrypt on our side, bounded by the address budget.
 */
export const LOGIN_BUDGETS: LoginBudgets = {
  perAddress: { burst: 10, perMinute: 5 },
  perUsername: { burst: 5, perMinute: 2 },
};

export interface LoginLimitsConfig {
  budgets?: Partial<LoginBudgets> | undefined;
  /** Milliseconds, injectable for tests. */
  now?: (() => number) | undefined;
}

function refused(taken: Taken): void {
  if (taken.ok) return;
  const seconds = taken.retryAfterSeconds;
  throw new ApiError(429, ApiErrorCode.rateLimited, `too many sign-in attempts; try again in ${seconds} s`, {
    'Retry-After': String(seconds),
  });
}

export class LoginLimits {
  private readonly addresses: RateLimiter;
  private readonly usernames: RateLimiter;

  constructor({ budgets = {}, now }: LoginLimitsConfig = {}) {
    this.addresses = new RateLimiter(budgets.perAddress ?? LOGIN_BUDGETS.perAddress, { now });
    this.usernames = new RateLimiter(budgets.perUsername ?? LOGIN_BUDGETS.perUsername, { now });
  }

  /** Before the password is hashed: both tokens are taken first, so concurrent guesses are held too. */
  enter(address: string, username: string): void {
    refused(this.addresses.take(address));
    const byName = this.usernames.take(username);
    if (!byName.ok) this.addresses.giveBack(address);
    refused(byName);
  }

  succeeded(address: string, username: string): void {
    this.addresses.giveBack(address);
    this.usernames.giveBack(username);
  }
}
