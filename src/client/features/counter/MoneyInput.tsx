/** A yuan amount typed at the counter: a ¥ before it, a decimal keypad, digits left to right in any language. */
export function MoneyInput({
  testId,
  value,
  invalid,
  placeholder,
  onInput,
}: {
  testId: string;
  value: string;
  invalid: boolean;
  placeholder?: string;
  onInput(value: string): void;
}) {
  return (
    <span class="money-input">
      <span aria-hidden="true">¥</span>
      <input
        data-testid={testId}
        inputMode="decimal"
        autoComplete="off"
        dir="ltr"
        value={value}
        placeholder={placeholder}
        aria-invalid={invalid}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </span>
  );
}
