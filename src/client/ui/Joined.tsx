import { Fragment } from 'preact';

/** One part of a line of facts: text in its own direction, or digits that always read left to right (a phone, a number). */
export type Part = string | { ltr: string };

/**
 * Facts on one line, split by " · ", each isolated in a <bdi>, so that a
 * Chinese name, a date that starts with digits or a phone number keeps its
 * order inside Uyghur (right-to-left) text. Empty parts are left out.
 */
export function Joined({ parts }: { parts: readonly Part[] }) {
  const shown = parts.filter((p) => (typeof p === 'string' ? p : p.ltr) !== '');
  return (
    <>
      {shown.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          {typeof p === 'string' ? <bdi>{p}</bdi> : <bdi dir="ltr">{p.ltr}</bdi>}
        </Fragment>
      ))}
    </>
  );
}
