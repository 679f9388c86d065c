/** One choice of a segmented control: its value, its words, and the test id it is found by. */
export interface Segment<T> {
  value: T;
  label: string;
  testId: string;
}

/**
 * A row of buttons of which one is chosen (a radio group): the lock time,
 * the months of history, a payment's means. Named by `label`, or by the
 * element `labelledBy` points to.
 */
export function Segmented<T extends string | number>({
  segments,
  value,
  onChange,
  label,
  labelledBy,
  disabled = false,
}: {
  segments: readonly Segment<T>[];
  value: T | undefined;
  onChange(value: T): void;
  label?: string;
  labelledBy?: string;
  disabled?: boolean;
}) {
  return (
    <div class="segmented" role="radiogroup" aria-label={label} aria-labelledby={labelledBy}>
      {segments.map((segment) => (
        <button
          key={segment.value}
          type="button"
          role="radio"
          aria-checked={value === segment.value}
          class={value === segment.value ? 'segment segment-active' : 'segment'}
          data-testid={segment.testId}
          disabled={disabled}
          onClick={() => onChange(segment.value)}
        >
          {segment.label}
        </button>
      ))}
    </div>
  );
}
