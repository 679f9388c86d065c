import fc from 'fast-check';
import { ISO_TIMESTAMP_REGEX } from 'valibot';
import { UUID_PATTERN, uuidv7 } from '../../../src/shared/domain/ids';
import { MAX_FEN } from '../../../src/shared/domain/money';
import { MAX_QUANTITY } from '../../../src/shared/domain/stock';
import { isStorableText } from '../../../src/shared/domain/text';

/**
 * Inputs for the quick checks: arbitraries of valid sale.create args and
 * push bodies (plain objects, as JSON.parse builds them), and edits that
 * turn them into odd or invalid ones.
 */

const dayMs = 24 * 3600 * 1000;
const from2020 = Date.UTC(2020, 0, 1);

export const uuidArb = fc.oneof(
  fc.stringMatching(UUID_PATTERN),
  fc.integer({ min: from2020, max: from2020 + 20 * 365 * dayMs }).map((ms) => uuidv7(ms)),
);

export const isoTimeArb = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date(from2020), max: new Date(Date.UTC(2100, 0, 1)) }).map((d) => d.toISOString()),
  fc.stringMatching(ISO_TIMESTAMP_REGEX),
);

const sampleNames = ['大米 5kg', '酱油', 'Soy sauce', 'Rice 5 kg', 'گۈرۈچ 5 كىلو', 'سويا قايلىسى', 'a  b', '袋'];

/**
 * Text the schema keeps as it is: already trimmed, at most `max` UTF-16
 * units, storable (binary strings may hold NUL or half a surrogate pair).
 */
export function keptText(max: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom(...sampleNames),
      fc.string({ maxLength: max }),
      fc.string({ unit: 'grapheme', maxLength: max }),
      fc.string({ unit: 'binary', maxLength: max }),
    )
    .map((text) => text.trim())
    .filter((text) => text.length <= max && isStorableText(text));
}

/** Text no store can hold: a NUL or a lone half of a surrogate pair somewhere in otherwise kept text. */
export function unstorableText(max: number): fc.Arbitrary<string> {
  const bad = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff');
  return fc
    .tuple(keptText(max - 1), bad, fc.nat())
    .map(([text, char, at]) => {
      const cut = at % (text.length + 1);
      // Not between the halves of a pair: the bad character is then the one chosen, not a neighbour.
      const safeCut = cut > 0 && /[\ud800-\udbff]/.test(text[cut - 1]!) ? cut - 1 : cut;
      return text.slice(0, safeCut) + char + text.slice(safeCut);
    });
}

const nameText = keptText(120);
/** Present with undefined sometimes too: the schema keeps such a key. */
const maybeName = fc.oneof({ arbitrary: nameText, weight: 4 }, { arbitrary: fc.constant(undefined), weight: 1 });

export const namesArb = fc
  .record({ 'zh-CN': maybeName, en: maybeName, ug: maybeName }, { requiredKeys: [], noNullPrototype: true })
  .filter((names) => Object.values(names).some((name) => !!name && name.length > 0));

export const fenArb = fc.oneof(fc.integer({ min: 0, max: MAX_FEN }), fc.constantFrom(0, -0, MAX_FEN));
export const qtyArb = fc.oneof(fc.integer({ min: 1, max: MAX_QUANTITY }), fc.constantFrom(1, MAX_QUANTITY));

export const lineArb = fc.record(
  { productId: uuidArb, names: namesArb, unit: keptText(20), unitPriceFen: fenArb, qty: qtyArb },
  { noNullPrototype: true },
);

export const saleArgsArb = fc.record(
  {
    saleId: uuidArb,
    receiptNo: keptText(24),
    lines: fc.oneof(
      { arbitrary: fc.array(lineArb, { minLength: 1, maxLength: 4 }), weight: 9 },
      { arbitrary: lineArb.map((line) => Array.from({ length: 200 }, () => structuredClone(line))), weight: 1 },
    ),
    tenderedFen: fenArb,
  },
  { noNullPrototype: true },
);

/** An object with the same entries, its keys in the order of `order`. */
function reordered<T extends object>(value: T, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of order) if (Object.hasOwn(value, key)) out[key] = (value as Record<string, unknown>)[key];
  return out as T;
}

const envelopeKeys = ['id', 'kind', 'args', 'staffId', 'createdAt'];
export const mutationEnvelopeArb = fc
  .record(
    {
      id: uuidArb,
      kind: fc.oneof(fc.constant('sale.create'), fc.string({ maxLength: 64 }).filter((k) => k.length <= 64)),
      args: fc.oneof(saleArgsArb, fc.jsonValue(), fc.constant(undefined), fc.anything()),
      staffId: uuidArb,
      createdAt: isoTimeArb,
    },
    { noNullPrototype: true },
  )
  .chain((envelope) => fc.shuffledSubarray(envelopeKeys, { minLength: 5 }).map((order) => reordered(envelope, order)));

const requestKeys = ['after', 'protocolVersion', 'deviceId', 'mutations'];
export const pushRequestArb = fc
  .record(
    {
      protocolVersion: fc.oneof(fc.integer(), fc.constantFrom(1, 2, -0, 2 ** 53, 1e300)),
      deviceId: uuidArb,
      after: fc.oneof(uuidArb, fc.constant(null), fc.constant(undefined)),
      mutations: fc.oneof(
        { arbitrary: fc.array(mutationEnvelopeArb, { maxLength: 4 }), weight: 9 },
        { arbitrary: mutationEnvelopeArb.map((m) => Array.from({ length: 1000 }, () => structuredClone(m))), weight: 1 },
      ),
    },
    { requiredKeys: ['protocolVersion', 'deviceId', 'mutations'], noNullPrototype: true },
  )
  .chain((body) => fc.shuffledSubarray(requestKeys, { minLength: 4 }).map((order) => reordered(body, order)));

/** Values that are wrong somewhere, or right somewhere else, or at an edge. */
function oddValue(pick: number): unknown {
  const values: (() => unknown)[] = [
    () => null,
    () => undefined,
    () => NaN,
    () => Infinity,
    () => -Infinity,
    () => -1,
    () => 0,
    () => -0,
    () => 1,
    () => 1.5,
    () => 2 ** 53,
    () => MAX_FEN,
    () => MAX_FEN + 1,
    () => MAX_QUANTITY,
    () => MAX_QUANTITY + 1,
    () => '',
    () => ' ',
    () => 'x',
    () => ' x',
    () => 'x\n',
    () => '\u3000名',
    () => 'x\u00a0',
    () => '\ufeffx',
    () => 'a'.repeat(121),
    () => '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
    () => '0190A1B2-C3D4-7E5F-8A6B-7C8D9E0F1A2B',
    () => '0190a1b2c3d47e5f8a6b7c8d9e0f1a2b',
    () => '2025-03-01T08:30:00.000Z',
    () => '2025-03-01T08:30:00',
    () => '2025-13-01T08:30:00Z',
    () => '2025-03-01',
    () => true,
    () => [],
    () => [1],
    () => ({}),
    () => ({ en: 'Rice' }),
    () => Object.create(null) as object,
    () => new Date(0),
  ];
  return values[pick % values.length]!();
}

type Container = Record<string, unknown> | unknown[];

function containersOf(value: unknown, found: Container[] = []): Container[] {
  if (typeof value !== 'object' || value === null) return found;
  found.push(value as Container);
  for (const child of Object.values(value)) containersOf(child, found);
  return found;
}

const EDITS = ['replace', 'delete', 'extraKey', 'undefined', 'moveLast', 'pad', 'stretch', 'nudge', 'grow', 'empty', 'uppercase'] as const;
type Edit = { edit: (typeof EDITS)[number]; where: number; which: number; pick: number };

const editsArb: fc.Arbitrary<Edit[]> = fc.array(
  fc.record({ edit: fc.constantFrom(...EDITS), where: fc.nat(), which: fc.nat(), pick: fc.nat() }),
  { minLength: 1, maxLength: 3 },
);

/** One edit on a container of `root` (edited in place); an array root may be replaced. */
function applyEdit(root: unknown, { edit, where, which, pick }: Edit): unknown {
  const containers = containersOf(root);
  if (containers.length === 0) return oddValue(pick);
  const target = containers[where % containers.length]!;
  const keys = Object.keys(target);
  const key = keys.length > 0 ? keys[which % keys.length]! : '0';
  const record = target as Record<string, unknown>;
  const current = record[key];
  switch (edit) {
    case 'replace':
      record[key] = oddValue(pick);
      break;
    case 'delete':
      if (Array.isArray(target)) {
        if (pick % 2 === 0) target.splice(Number(key), 1);
        else delete target[Number(key)]; // leaves a hole
      } else delete record[key];
      break;
    case 'extraKey':
      if (Array.isArray(target)) target.push(oddValue(pick));
      else record[['extra', 'constructor', '__proto__', 'EN', 'zh-cn', '0'][pick % 6]!] = oddValue(pick);
      break;
    case 'undefined':
      record[key] = undefined;
      break;
    case 'moveLast':
      if (!Array.isArray(target)) {
        delete record[key];
        record[key] = current;
      }
      break;
    case 'pad':
      if (typeof current === 'string') record[key] = [` ${current}`, `${current} `, `${current}\t`, `\u3000${current}`][pick % 4];
      break;
    case 'stretch':
      if (typeof current === 'string') record[key] = current + 'x'.repeat([1, 24, 64, 121][pick % 4]!);
      break;
    case 'nudge':
      if (typeof current === 'number') record[key] = [current + 0.5, -current - 1, current + 1, current * 1e6, current - 1][pick % 5];
      break;
    case 'grow':
      if (Array.isArray(current) && current.length > 0) {
        const length = [201, 1001][pick % 2]!;
        record[key] = Array.from({ length }, (_, i) => current[i % current.length]);
      }
      break;
    case 'empty':
      if (Array.isArray(current)) record[key] = [];
      break;
    case 'uppercase':
      if (typeof current === 'string') record[key] = current.toUpperCase();
      break;
  }
  return root;
}

/** A copy of `valid` with `edits` applied. */
function perturbed(valid: unknown, edits: readonly Edit[]): unknown {
  let value: unknown = structuredClone(valid);
  for (const edit of edits) value = applyEdit(value, edit);
  return value;
}

/**
 * Runs a quick check on `numRuns` edited copies of valid inputs; every yes
 * must pass `expectKeptAsIs`. Returns how often each answer came, so a test
 * can show the property was not vacuous.
 */
export function answersOnEdited(
  valid: fc.Arbitrary<unknown>,
  accepts: (value: unknown) => boolean,
  expectKeptAsIs: (value: unknown) => void,
  numRuns: number,
): { yes: number; no: number } {
  const answers = { yes: 0, no: 0 };
  fc.assert(
    fc.property(valid, editsArb, (input, edits) => {
      const value = perturbed(input, edits);
      if (!accepts(value)) {
        answers.no++;
        return;
      }
      answers.yes++;
      expectKeptAsIs(value);
    }),
    { numRuns },
  );
  return answers;
}

/** Entries all the way down, so two values compare equal only with their keys in the same order. */
export function entriesDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(entriesDeep);
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => [k, entriesDeep(v)]);
  return value;
}
