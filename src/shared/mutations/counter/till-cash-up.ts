import * as v from 'valibot';
import { expectedCash, tillIdFor, type Till } from '../../domain/counter';
import { RefusalCode } from '../../domain/refusals';
import { fen, shortText, uuid } from '../fields';
import { refuse, type MutationDef } from '../types';

const schema = v.strictObject({
  cashUpId: uuid,
  /** The business day counted (YYYY-MM-DD, centre time). */
  day: v.pipe(v.string(), v.isoDate()),
  openingFloatFen: fen,
  countedFen: fen,
  note: shortText(200),
});
export type TillCashUpArgs = v.InferOutput<typeof schema>;

/**
 * A staff member counts their own till for a day (the Z report): the
 * expected cash is the float plus what the till took in, less what it gave
 * back; the difference is recorded with a note. A till is counted once.
 */
export const tillCashUp: MutationDef<TillCashUpArgs> = {
  kind: 'till.cashUp',
  schema,
  reads: (args, who) => [{ table: 'tills', id: tillIdFor(who.staffId, args.day) }],
  decide(args, state, ctx) {
    const id = tillIdFor(ctx.staffId, args.day);
    const till: Till = state.get('tills', id) ?? {
      id, centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId,
      staffId: ctx.staffId, day: args.day, cashInFen: 0, cashOutFen: 0, cashUp: null,
    };
    if (till.cashUp) return refuse(RefusalCode.alreadyCounted, till.cashUp.at);
    const expectedFen = expectedCash(till, args.openingFloatFen);
    const cashUp = {
      id: args.cashUpId, at: ctx.now, openingFloatFen: args.openingFloatFen, countedFen: args.countedFen,
      expectedFen, differenceFen: args.countedFen - expectedFen, note: args.note,
    };
    return { ok: true, changes: [{ table: 'tills', row: { ...till, cashUp, updatedAt: ctx.now } }] };
  },
};
