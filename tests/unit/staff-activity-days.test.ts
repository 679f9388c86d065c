import { describe, expect, it } from 'vitest';
import { activityByDay, isEmptyTally, type ActivityFacts } from '../../src/client/features/activity/activity-days';
import { receiptLetters, tabletNameOf, tabletNames } from '../../src/client/features/activity/tablet-names';

// Days in UTC here, so the test reads the same in every time zone; the screen passes the tablet's local day.
const utcDay = (iso: string) => iso.slice(0, 10);

const NONE: ActivityFacts = { sales: [], movements: [], productsAdded: [], staffAdded: [] };

describe('activity by day, person and tablet', () => {
  it('counts sales with their total, receipts apart from other movements, and what was added', () => {
    const days = activityByDay(
      {
        sales: [
          { createdBy: 'li', createdAt: '2026-11-29T09:00:00Z', deviceId: 'tab-a', totalFen: 3550 },
          { createdBy: 'li', createdAt: '2026-11-29T10:00:00Z', deviceId: 'tab-a', totalFen: 1000 },
          { createdBy: 'li', createdAt: '2026-11-29T11:00:00Z', deviceId: 'tab-b', totalFen: 250 },
          { createdBy: 'wang', createdAt: '2026-11-28T11:00:00Z', deviceId: 'tab-b', totalFen: 999 },
        ],
        movements: [
          { createdBy: 'li', createdAt: '2026-11-29T08:00:00Z', deviceId: 'tab-a', reason: 'receive' },
          { createdBy: 'li', createdAt: '2026-11-29T08:30:00Z', deviceId: 'tab-a', reason: 'count' },
          { createdBy: 'li', createdAt: '2026-11-29T08:40:00Z', deviceId: 'tab-b', reason: 'spoil' },
        ],
        productsAdded: [{ createdBy: 'wang', createdAt: '2026-11-29T07:00:00Z' }],
        staffAdded: [{ createdBy: 'wang', createdAt: '2026-11-29T07:30:00Z' }],
      },
      utcDay,
    );

    expect(days.map((d) => d.day)).toEqual(['2026-11-29', '2026-11-28']);
    const [today, yesterday] = days;
    expect(today!.people.map((p) => p.staffId)).toEqual(['li', 'wang']);
    const li = today!.people[0]!;
    expect(li.total).toEqual({ sales: 3, salesFen: 4800, receipts: 1, adjustments: 2, productsAdded: 0, staffAdded: 0 });
    expect(li.tablets).toEqual([
      { deviceId: 'tab-a', sales: 2, salesFen: 4550, receipts: 1, adjustments: 1, productsAdded: 0, staffAdded: 0 },
      { deviceId: 'tab-b', sales: 1, salesFen: 250, receipts: 0, adjustments: 1, productsAdded: 0, staffAdded: 0 },
    ]);
    // Products and people added name no tablet: they are listed apart.
    expect(today!.people[1]!.tablets).toEqual([
      { deviceId: null, sales: 0, salesFen: 0, receipts: 0, adjustments: 0, productsAdded: 1, staffAdded: 1 },
    ]);
    expect(today!.total).toEqual({ sales: 3, salesFen: 4800, receipts: 1, adjustments: 2, productsAdded: 1, staffAdded: 1 });
    expect(yesterday!.people).toEqual([
      {
        staffId: 'wang',
        total: { sales: 1, salesFen: 999, receipts: 0, adjustments: 0, productsAdded: 0, staffAdded: 0 },
        tablets: [{ deviceId: 'tab-b', sales: 1, salesFen: 999, receipts: 0, adjustments: 0, productsAdded: 0, staffAdded: 0 }],
      },
    ]);
  });

  it('groups by the day the given function names, so the tablet’s time zone decides', () => {
    const sale = { createdBy: 'li', deviceId: 'tab-a', totalFen: 100 };
    const facts: ActivityFacts = {
      ...NONE,
      sales: [
        { ...sale, createdAt: '2026-11-28T17:00:00Z' },
        { ...sale, createdAt: '2026-11-28T15:00:00Z' },
      ],
    };
    // UTC+8: 17:00Z is already the next day in Beijing.
    const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
    expect(activityByDay(facts, utcDay).map((d) => [d.day, d.total.sales])).toEqual([['2026-11-28', 2]]);
    expect(activityByDay(facts, beijing).map((d) => [d.day, d.total.sales])).toEqual([
      ['2026-11-29', 1],
      ['2026-11-28', 1],
    ]);
  });

  it('orders people as asked, tablets by sales, and is empty for no facts', () => {
    const sale = (createdBy: string, deviceId: string, totalFen: number) => ({ createdBy, deviceId, totalFen, createdAt: '2026-11-29T09:00:00Z' });
    const facts: ActivityFacts = { ...NONE, sales: [sale('a', 't1', 100), sale('b', 't1', 100), sale('a', 't2', 500)] };
    const byName = new Map([['a', 2], ['b', 1]]);
    const [day] = activityByDay(facts, utcDay, (x, y) => byName.get(x)! - byName.get(y)!);
    expect(day!.people.map((p) => p.staffId)).toEqual(['b', 'a']);
    expect(day!.people[1]!.tablets.map((t) => t.deviceId)).toEqual(['t2', 't1']);
    expect(activityByDay(NONE, utcDay)).toEqual([]);
    expect(isEmptyTally(day!.total)).toBe(false);
  });
});

describe('tablet names', () => {
  it('reads the letters of a receipt number, and names this tablet by its own name and number', () => {
    expect(receiptLetters('B-0042')).toBe('B');
    expect(receiptLetters('A3-0007')).toBe('A3');
    expect(receiptLetters('0042')).toBeNull();

    const names = tabletNames(
      [
        { deviceId: 'other', receiptNo: 'C-0001' },
        { deviceId: 'mine', receiptNo: 'B-0005' },
      ],
      { deviceId: 'mine', deviceNo: 2, name: 'Counter' },
    );
    expect(tabletNameOf(names, 'mine')).toEqual({ kind: 'this', name: 'Counter', letters: 'B' });
    expect(tabletNameOf(names, 'other')).toEqual({ kind: 'letters', letters: 'C' });
    expect(tabletNameOf(names, '0190c3a2-0000-7000-8000-00000000ab12')).toEqual({ kind: 'unknown', short: 'ab12' });
    expect(tabletNameOf(names, 'gone', 'D-0009')).toEqual({ kind: 'letters', letters: 'D' });
  });
});
