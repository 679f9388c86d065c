import { AppErrorCode, type AppError } from '../../data/errors';
import { messageOf, type Message } from '../../ui/useSaveOnce';

/** The staff.create schema's bound: short enough for a tile on the login screen. */
export const STAFF_NAME_MAX = 40;

/** Refusals a staff change can meet that deserve their own sentence on these screens. */
const OWN_SENTENCE: ReadonlySet<string> = new Set(['last_admin', 'cannot_deactivate_self', 'pin_rule', 'not_permitted', 'unknown_staff']);

/** What a failed staff change says: its own sentence where there is one, else the app's. */
export function staffErrorMessage(error: AppError): Message {
  if (error.code === AppErrorCode.invalidInput && error.detail !== undefined && OWN_SENTENCE.has(error.detail)) {
    return { key: `staff.errors.${error.detail}` };
  }
  if (error.code === AppErrorCode.invalidInput && error.field === 'name') return { key: 'staff.errors.nameInvalid', params: { max: STAFF_NAME_MAX } };
  return messageOf(error);
}
