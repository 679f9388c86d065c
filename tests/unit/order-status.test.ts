import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/domain/ids';
import { isLegalEdge, ORDER_EDGES, ORDER_STATUSES, RANK, resolveTransition, type OrderStatus } from '../../src/shared/domain/order-status';
import type { Order } from '../../src/shared/domain/orders';
import { MemoryCentre } from './support/memory-centre';

const LEGAL: [OrderStatus, OrderStatus][] = [
  ['draft', 'placed'],
  ['placed', 'paid'],
  ['paid', 'shipped'],
  ['shipped', 'arrived'],
  ['arrived', 'collected'],
  ['draft', 'cancelled'],
  ['placed', 'cancelled'],
  ['paid', 'cancelled'],
  ['shipped', 'returned'],
  ['arrived', 'returned'],
];
const isListed = (from: OrderStatus, to: OrderStatus) => LEGAL.some(([f, t]) => f === from && t === to);
const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

/** A centre with one villager, the platform and an order standing at `status`. */
function centreWithOrder(status: OrderStatus): { centre: MemoryCentre; order: Order } {
  const centre = new MemoryCentre();
  const at = '2026-06-01T08:00:00.000Z';
  const base = { centreId: centre.centreId, createdAt: at, updatedAt: at, createdBy: centre.staff.clerk.id };
  const customerId = uuidv7();
  const platformId = uuidv7();
  centre.put('customers', { ...base, id: customerId, name: '王芳', consent: false, phone: '', village: '', household: '', householdSize: 0, notes: '', mergedInto: null, deleted: false });
  centre.put('platforms', { ...base, id: platformId, names: { 'zh-CN': '淘宝' }, active: true });
  const order: Order = {
    ...base,
    id: uuidv7(),
    customerId,
    platformId,
    platformOrderNo: '',
    lines: [{ name: '化肥', qty: 1, unitPriceFen: 1000 }],
    deliveryFeeFen: 0,
    serviceFeeFen: 0,
    depositFen: 0,
    totalFen: 1000,
    status,
    history: [{ status, at, staffId: centre.staff.clerk.id, deviceId: centre.deviceId, mutationId: uuidv7() }],
    deviceId: centre.deviceId,
  };
  centre.put('orders', order);
  return { centre, order };
}

describe('order status machine', () => {
  it('has exactly the legal edges of the contract, each going up in rank', () => {
    for (const [from, to] of pairs) expect(isLegalEdge(from, to), `${from}→${to}`).toBe(isListed(from, to));
    for (const [from, to] of LEGAL) expect(RANK[to]).toBeGreaterThan(RANK[from]);
    expect(Object.values(ORDER_EDGES).flat()).toHaveLength(LEGAL.length);
  });

  it.each(pairs)('an order at %s moved to %s by a tablet that saw it so: applied only on a legal edge', (from, to) => {
    expect(resolveTransition(from, from, to)).toEqual(isListed(from, to) ? { ok: true } : { ok: false, code: 'illegal_transition' });
    const { centre, order } = centreWithOrder(from);
    const decision = centre.run('order.transition', { orderId: order.id, from, to });
    const after = centre.get('orders', order.id)!;
    if (isListed(from, to)) {
      expect(decision.ok).toBe(true);
      expect(after.status).toBe(to);
      expect(after.history.map((h) => h.status)).toEqual([from, to]);
    } else {
      expect(decision).toEqual({ ok: false, code: 'illegal_transition', detail: from });
      expect(after).toEqual(order);
    }
  });

  it('moved meanwhile by another tablet: the move applies only when legal and further than where the order is now', () => {
    for (const cur of ORDER_STATUSES) {
      for (const [from, to] of pairs) {
        if (cur === from) continue;
        const expected = isListed(from, to) && RANK[to] > RANK[cur] ? { ok: true } : { ok: false, code: 'order_conflict' };
        expect(resolveTransition(cur, from, to), `${cur}: ${from}→${to}`).toEqual(expected);
      }
    }
  });

  it('marks the overtaken move superseded and refuses the one that lost', () => {
    const { centre, order } = centreWithOrder('placed');
    const paid = uuidv7();
    const cancelled = uuidv7();
    expect(centre.run('order.transition', { orderId: order.id, from: 'placed', to: 'paid' }, { mutationId: paid }).ok).toBe(true);
    expect(centre.run('order.transition', { orderId: order.id, from: 'placed', to: 'cancelled' }, { mutationId: cancelled }).ok).toBe(true);
    const after = centre.get('orders', order.id)!;
    expect(after.status).toBe('cancelled');
    expect(after.history.find((h) => h.mutationId === paid)?.supersededBy).toBe(cancelled);
    expect(centre.run('order.transition', { orderId: order.id, from: 'placed', to: 'paid' })).toEqual({ ok: false, code: 'order_conflict', detail: 'cancelled' });
    expect(centre.get('orders', order.id)).toEqual(after);
  });
});

/** A random chain of legal moves from `start`, as one tablet makes them offline (at least one move). */
function chainFrom(start: OrderStatus, picks: readonly number[]): [OrderStatus, OrderStatus][] {
  const chain: [OrderStatus, OrderStatus][] = [];
  let at = start;
  for (const pick of picks) {
    const next = ORDER_EDGES[at];
    if (next.length === 0) break;
    const to = next[pick % next.length]!;
    chain.push([at, to]);
    at = to;
  }
  return chain;
}

const startWithMoves = fc.constantFrom(...ORDER_STATUSES.filter((s) => ORDER_EDGES[s].length > 0));

describe('two tablets moving one order offline', () => {
  it('end in the same status whatever order their moves arrive in (interleavings of chains)', () => {
    fc.assert(
      fc.property(
        startWithMoves,
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (start, picksA, picksB, coin) => {
          const a = chainFrom(start, picksA);
          const b = chainFrom(start, picksB);
          const finals = new Set<OrderStatus>();
          for (const order of [interleave(a, b, coin), [...a, ...b], [...b, ...a]]) {
            const { centre, order: row } = centreWithOrder(start);
            for (const [from, to] of order) {
              const decision = centre.run('order.transition', { orderId: row.id, from, to });
              // A tablet only offers legal moves: what loses is a conflict, never an illegal move.
              if (!decision.ok) expect(decision.code).toBe('order_conflict');
            }
            finals.add(centre.get('orders', row.id)!.status);
          }
          expect(finals.size).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('one move each: the furthest wins, and exactly the other is refused or marked superseded', () => {
    fc.assert(
      fc.property(startWithMoves, fc.nat(), fc.nat(), fc.boolean(), (start, pickA, pickB, aFirst) => {
        const toA = ORDER_EDGES[start][pickA % ORDER_EDGES[start].length]!;
        const toB = ORDER_EDGES[start][pickB % ORDER_EDGES[start].length]!;
        const { centre, order } = centreWithOrder(start);
        const moves = [
          { id: uuidv7(), to: toA },
          { id: uuidv7(), to: toB },
        ];
        const arrival = aFirst ? moves : [moves[1]!, moves[0]!];
        const results = arrival.map((m) => ({ ...m, decision: centre.run('order.transition', { orderId: order.id, from: start, to: m.to }, { mutationId: m.id }) }));
        const [first, second] = results as [(typeof results)[0], (typeof results)[0]];
        // Of equal moves the first stands; otherwise the one that goes further.
        const winner = RANK[second.to] > RANK[first.to] ? second : first;
        const loser = winner === first ? second : first;
        const after = centre.get('orders', order.id)!;
        expect(after.status).toBe(winner.to);
        expect(winner.decision.ok).toBe(true);
        expect(after.history.find((h) => h.mutationId === winner.id)?.supersededBy).toBeUndefined();
        if (loser === second) {
          expect(loser.decision).toEqual({ ok: false, code: 'order_conflict', detail: winner.to });
          expect(after.history.some((h) => h.mutationId === loser.id)).toBe(false);
        } else {
          expect(loser.decision.ok).toBe(true);
          expect(after.history.find((h) => h.mutationId === loser.id)?.supersededBy).toBe(winner.id);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The two tablets' moves in one arrival order, each tablet's own in the order it made them. */
function interleave<T>(a: readonly T[], b: readonly T[], coin: readonly boolean[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; i < a.length || j < b.length; k++) {
    if (j >= b.length || (i < a.length && coin[k % coin.length])) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
