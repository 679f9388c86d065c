/**
 * An enrolment code as the server hashes it: case, spaces and dashes as
 * typed do not matter. The tablet compares codes the same way, so a code
 * typed again differently still reuses the secret of the first attempt.
 */
export function normaliseEnrolCode(typed: string): string {
  return typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
}
