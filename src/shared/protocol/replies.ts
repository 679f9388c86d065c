import * as v from 'valibot';
import { TABLE_NAMES, type AnyRow, type Centre, type TableName } from '../domain/entities';
import { UUID_PATTERN } from '../domain/ids';
import { ORDER_STATUSES } from '../domain/order-status';
import { isThousandths } from '../domain/quantity';
import { isoTime, uuid } from '../mutations/fields';
import { SETTING_NAMES } from '../domain/centre-settings';
import type { EnrolResponse, ErrorBody, MutationResult, PullResponse, PushResponse } from './messages';

/**
 * Schemas of the server's answers, checked by the tablet on arrival: a
 * reply of the wrong shape is refused whole, before anything is written.
 * Unknown extra fields are dropped, so a newer server may add some.
 */

const serverTime = v.optional(isoTime);
/** Refusal codes are open: a newer server may send one this app does not know, shown as a plain refusal. */
const refusalCode = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export const mutationResult = v.variant('status', [
  v.object({ id: uuid, status: v.literal('applied') }),
  v.object({ id: uuid, status: v.literal('refused'), code: refusalCode, detail: v.optional(v.string()) }),
]);

export const pushReply = v.object({
  results: v.array(mutationResult),
  serverTime,
});

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isInt = (value: unknown): value is number => Number.isSafeInteger(value);
const isNonNegativeInt = (value: unknown): value is number => isInt(value) && value >= 0;
/** A quantity: whole pieces or a weight with at most three decimals (domain/quantity.ts). */
const isQuantity = (value: unknown): value is number => typeof value === 'number' && isThousandths(value);
const isNonNegativeQuantity = (value: unknown): value is number => isQuantity(value) && value >= 0;
const isUuid = (value: unknown): value is string => typeof value === 'string' && value.length === 36 && UUID_PATTERN.test(value);

/** What every synced row has: its id, its centre, its times and author. */
function isRowBase(row: unknown): row is Record<string, unknown> {
  return (
    isObject(row) &&
    isUuid(row['id']) &&
    isUuid(row['centreId']) &&
    isText(row['createdAt']) &&
    isText(row['updatedAt']) &&
    isText(row['createdBy'])
  );
}

function isNames(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const name of Object.values(value)) if (name !== undefined && !isText(name)) return false;
  return true;
}

function isSaleLine(line: unknown): boolean {
  return (
    isObject(line) &&
    isUuid(line['productId']) &&
    isNames(line['names']) &&
    isText(line['unit']) &&
    (line['unitNames'] === undefined || isNames(line['unitNames'])) &&
    isNonNegativeInt(line['unitPriceFen']) &&
    isQuantity(line['qty']) &&
    isInt(line['lineTotalFen'])
  );
}

/**
 * Per table, the fields the tablet computes with (stock arithmetic, login,
 * prices) are checked by hand rather than by a schema per row: a fresh
 * tablet pulls tens of thousands of rows and must not wait on the checks.
 */
const ROW_CHECKS: { [T in TableName]: (row: Record<string, unknown>) => boolean } = {
  // Rows carry key material since keys exist, and the PIN hash only before (legacy): both optional, each whole.
  staff: (row) =>
    isText(row['name']) &&
    (row['role'] === 'admin' || row['role'] === 'clerk' || row['role'] === 'trainer') &&
    typeof row['active'] === 'boolean' &&
    (row['deactivatedAt'] === undefined || row['deactivatedAt'] === null || isText(row['deactivatedAt'])) &&
    allOrNone(row, ['keyId', 'keySalt', 'wrappedKey'], ['keyIterations']) &&
    allOrNone(row, ['pinSalt', 'pinHash'], ['pinIterations']),
  products: (row) =>
    isText(row['sku']) &&
    isText(row['barcode']) &&
    isNames(row['names']) &&
    isText(row['unit']) &&
    isNonNegativeInt(row['priceFen']) &&
    isText(row['kind']) &&
    isNonNegativeInt(row['lowStockThreshold']) &&
    typeof row['active'] === 'boolean' &&
    (row['unitNames'] === undefined || isNames(row['unitNames'])),
  movements: (row) => isUuid(row['productId']) && isQuantity(row['delta']) && isText(row['reason']) && isText(row['deviceId']),
  sales: (row) => {
    const lines = row['lines'];
    if (!Array.isArray(lines) || lines.length === 0) return false;
    for (const line of lines) if (!isSaleLine(line)) return false;
    return (
      isText(row['receiptNo']) &&
      isInt(row['totalFen']) &&
      isInt(row['tenderedFen']) &&
      isInt(row['changeFen']) &&
      (row['payments'] === undefined || isPayments(row['payments'])) &&
      (row['creditApprovedBy'] === undefined || isUuid(row['creditApprovedBy']))
    );
  },
  reviews: (row) => isText(row['kind']) && isText(row['refTable']) && isUuid(row['refId']) && isUuid(row['staffId']) && isText(row['deviceId']),
  customers: (row) =>
    isText(row['name']) &&
    typeof row['consent'] === 'boolean' &&
    isText(row['phone']) &&
    isText(row['village']) &&
    isText(row['household']) &&
    isNonNegativeInt(row['householdSize']) &&
    isText(row['notes']) &&
    (row['mergedInto'] === null || isUuid(row['mergedInto'])) &&
    typeof row['deleted'] === 'boolean',
  platforms: (row) => isNames(row['names']) && typeof row['active'] === 'boolean',
  orders: (row) => {
    const lines = row['lines'];
    const history = row['history'];
    if (!Array.isArray(lines) || lines.length === 0 || !Array.isArray(history)) return false;
    for (const line of lines) if (!isOrderLine(line)) return false;
    for (const entry of history) if (!isHistoryEntry(entry)) return false;
    return (
      isUuid(row['customerId']) &&
      isUuid(row['platformId']) &&
      isText(row['platformOrderNo']) &&
      isNonNegativeInt(row['deliveryFeeFen']) &&
      isNonNegativeInt(row['serviceFeeFen']) &&
      isNonNegativeInt(row['depositFen']) &&
      isNonNegativeInt(row['totalFen']) &&
      isOrderStatus(row['status']) &&
      isText(row['deviceId'])
    );
  },
  parcels: (row) =>
    isText(row['trackingNo']) &&
    isText(row['carrier']) &&
    (row['customerId'] === null || isUuid(row['customerId'])) &&
    (row['orderId'] === null || isUuid(row['orderId'])) &&
    isText(row['pickupCode']) &&
    (row['status'] === 'waiting' || row['status'] === 'collected' || row['status'] === 'returned') &&
    isText(row['arrivedAt']) &&
    isTextOrNull(row['collectedAt']) &&
    isTextOrNull(row['collectedBy']) &&
    (row['handoverMethod'] === null || row['handoverMethod'] === 'code' || row['handoverMethod'] === 'phone_admin') &&
    isTextOrNull(row['returnedAt']) &&
    isText(row['deviceId']),
  pickupCodes: (row) => isText(row['code']) && isUuid(row['parcelId']) && typeof row['active'] === 'boolean',
  settings: (row) => SETTING_NAMES.every((name) => isNonNegativeInt(row[name])),
  creditEntries: (row) => isUuid(row['customerId']) && isInt(row['deltaFen']) && isText(row['source']) && isUuid(row['refId']) && isText(row['deviceId']),
  repayments: (row) => isUuid(row['customerId']) && isText(row['receiptNo']) && isNonNegativeInt(row['amountFen']) && isPayments(row['payments']),
  refunds: (row) =>
    isUuid(row['saleId']) &&
    isText(row['receiptNo']) &&
    isNonNegativeInt(row['totalFen']) &&
    isPayments(row['payments']) &&
    Array.isArray(row['lines']) &&
    row['lines'].every((l) => isObject(l) && isNonNegativeInt(l['lineIndex']) && isNonNegativeQuantity(l['qty']) && isNonNegativeInt(l['amountFen'])),
  refundTotals: (row) => Array.isArray(row['qtyByLine']) && row['qtyByLine'].every(isNonNegativeQuantity) && isObject(row['fenByMeans']),
  tills: (row) =>
    isUuid(row['staffId']) &&
    isText(row['day']) &&
    isInt(row['cashInFen']) &&
    isInt(row['cashOutFen']) &&
    (row['cashUp'] === null || (isObject(row['cashUp']) && isInt(row['cashUp']['countedFen']) && isInt(row['cashUp']['expectedFen']))),
  trainingSessions: (row) =>
    isText(row['packId']) &&
    isNames(row['courseTitle']) &&
    (row['scope'] === 'lesson' || row['scope'] === 'course') &&
    Array.isArray(row['lessons']) &&
    row['lessons'].every((l) => isObject(l) && isText(l['id']) && isNames(l['title']) && isNonNegativeInt(l['questions'])) &&
    isTextOrNull(row['endedAt']) &&
    isText(row['deviceId']),
  attendances: (row) => isUuid(row['sessionId']) && isUuid(row['customerId']) && typeof row['present'] === 'boolean',
  quizAnswers: (row) =>
    isUuid(row['sessionId']) &&
    isUuid(row['customerId']) &&
    isText(row['lessonId']) &&
    isText(row['stepId']) &&
    isTextOrNull(row['answer']) &&
    typeof row['correct'] === 'boolean',
  lessonVariants: (row) =>
    isText(row['packId']) &&
    isText(row['lessonId']) &&
    isNonNegativeInt(row['baseVersion']) &&
    isText(row['baseHash']) &&
    Array.isArray(row['order']) &&
    row['order'].every(isText) &&
    Array.isArray(row['hidden']) &&
    row['hidden'].every(isText) &&
    isObject(row['texts']) &&
    Array.isArray(row['photos']) &&
    row['photos'].every((p) => isObject(p) && isText(p['id']) && isText(p['sha256']) && isObject(p['text'])),
  variantPhotos: (row) => isText(row['sha256']) && row['type'] === 'image/jpeg' && isNonNegativeInt(row['size']) && isText(row['data']),
};

function isPayments(value: unknown): boolean {
  return Array.isArray(value) && value.every((p) => isObject(p) && isText(p['means']) && isNonNegativeInt(p['amountFen']));
}

function isTextOrNull(value: unknown): boolean {
  return value === null || isText(value);
}

function isOrderStatus(value: unknown): boolean {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

function isOrderLine(line: unknown): boolean {
  return isObject(line) && isText(line['name']) && isInt(line['qty']) && isNonNegativeInt(line['unitPriceFen']);
}

/** The order's status and who moved it: the tablet shows the history and its superseded moves. */
function isHistoryEntry(entry: unknown): boolean {
  return (
    isObject(entry) &&
    isOrderStatus(entry['status']) &&
    isText(entry['at']) &&
    isText(entry['staffId']) &&
    isText(entry['deviceId']) &&
    isText(entry['mutationId']) &&
    (entry['supersededBy'] === undefined || isText(entry['supersededBy']))
  );
}

/** Either every one of the fields is there (texts, then integers) or none is. */
function allOrNone(row: Record<string, unknown>, texts: readonly string[], ints: readonly string[]): boolean {
  const present = [...texts, ...ints].filter((field) => row[field] !== undefined).length;
  if (present === 0) return true;
  return present === texts.length + ints.length && texts.every((f) => isText(row[f])) && ints.every((f) => isInt(row[f]));
}

export function isRowOf(table: TableName, row: unknown): row is AnyRow {
  return isRowBase(row) && ROW_CHECKS[table](row);
}

export const rowsOf = <T extends TableName>(table: T) =>
  v.optional(v.array(v.custom<AnyRow>((row) => isRowOf(table, row), `a ${table} row`)));

export const pullReply = v.object({
  rows: v.strictObject({
    staff: rowsOf('staff'),
    products: rowsOf('products'),
    movements: rowsOf('movements'),
    sales: rowsOf('sales'),
    reviews: rowsOf('reviews'),
    customers: rowsOf('customers'),
    platforms: rowsOf('platforms'),
    orders: rowsOf('orders'),
    parcels: rowsOf('parcels'),
    pickupCodes: rowsOf('pickupCodes'),
    settings: rowsOf('settings'),
    creditEntries: rowsOf('creditEntries'),
    repayments: rowsOf('repayments'),
    refunds: rowsOf('refunds'),
    refundTotals: rowsOf('refundTotals'),
    tills: rowsOf('tills'),
    trainingSessions: rowsOf('trainingSessions'),
    attendances: rowsOf('attendances'),
    quizAnswers: rowsOf('quizAnswers'),
    lessonVariants: rowsOf('lessonVariants'),
    variantPhotos: rowsOf('variantPhotos'),
  } satisfies Record<TableName, unknown>),
  cursor: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  hasMore: v.boolean(),
  serverTime,
  historyFrom: v.optional(isoTime),
  olderLeftOut: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
});

const centre = v.object({
  id: uuid,
  name: v.custom<Centre['name']>(isNames, 'names'),
  createdAt: v.string(),
  updatedAt: v.string(),
});

export const enrolReply = v.object({
  deviceId: uuid,
  deviceNo: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
  token: v.pipe(v.string(), v.minLength(16), v.maxLength(256)),
  centre,
  serverTime,
});

export const errorReply = v.object({
  error: v.pipe(v.string(), v.maxLength(64)),
  message: v.string(),
});

/** Why a reply was refused, for logs and tests; the person sees one translated sentence. */
export class BadReply extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'BadReply';
  }
}

export function parsed<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new BadReply(`${what}: ${v.getDotPath(issue) ?? ''}: ${issue.message}`.slice(0, 300));
}

/**
 * A push answer for the mutations `sentIds`, in that order: each result names
 * one of them, once, in order. Since protocol 3 it may answer only the first
 * ones, but never none of a batch that was not empty.
 */
export function checkPushReply(value: unknown, sentIds: readonly string[]): PushResponse {
  const reply = parsed(pushReply, value, 'push');
  if (sentIds.length > 0 && reply.results.length === 0) throw new BadReply('push: no result');
  if (reply.results.length > sentIds.length) throw new BadReply('push: more results than mutations');
  reply.results.forEach((result, i) => {
    if (result.id !== sentIds[i]) throw new BadReply(`push: result ${i} is not for the mutation sent there`);
  });
  // A code this app does not know is kept as it came: the refusals screen says "unknown reason".
  const results = reply.results as MutationResult[];
  return reply.serverTime === undefined ? { results } : { results, serverTime: reply.serverTime };
}

/** A pull page asked `after` a cursor, for this tablet's centre: every row must be of that centre. */
export function checkPullReply(value: unknown, after: number, centreId: string): PullResponse {
  const page = parsed(pullReply, value, 'pull');
  if (page.cursor < after) throw new BadReply('pull: cursor went back');
  // A page that says more follows but moved nothing would be asked for again forever.
  if (page.hasMore && page.cursor === after) throw new BadReply('pull: more promised, cursor did not move');
  for (const table of TABLE_NAMES) {
    for (const row of page.rows[table] ?? []) {
      if (row.centreId !== centreId) throw new BadReply(`pull: a ${table} row of another centre`);
    }
  }
  const rows: PullResponse['rows'] = {};
  for (const table of TABLE_NAMES) {
    const list = page.rows[table];
    if (list) rows[table] = list as never;
  }
  const reply: PullResponse = { rows, cursor: page.cursor, hasMore: page.hasMore };
  if (page.serverTime !== undefined) reply.serverTime = page.serverTime;
  if (page.historyFrom !== undefined) reply.historyFrom = page.historyFrom;
  if (page.olderLeftOut !== undefined) reply.olderLeftOut = page.olderLeftOut;
  return reply;
}

export function checkEnrolReply(value: unknown): EnrolResponse {
  const reply = parsed(enrolReply, value, 'enrol');
  const { deviceNo, serverTime: time, ...rest } = reply;
  // A server older than device numbers sends none: receipts then fall back to the derived prefix.
  return { ...rest, deviceNo: deviceNo ?? 0, ...(time !== undefined ? { serverTime: time } : {}) };
}

/** An error body, or null when the body is not one (a proxy's page, say). */
export function readErrorReply(value: unknown): ErrorBody | null {
  const result = v.safeParse(errorReply, value);
  return result.success ? (result.output as ErrorBody) : null;
}
