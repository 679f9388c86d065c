import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickupCodeId } from '../../src/shared/domain/deterministic-id';
import { DERIVED_PICKUP_CODES, pickupCandidates } from '../../src/shared/domain/pickup-code';
import { MemoryCentre } from './support/memory-centre';
import { addVillager, expectApplied, logArgs } from './support/village-rows';

const code6 = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));

describe('pickup codes', () => {
  it('candidates: the proposed code first, then derived ones, never one twice', () => {
    fc.assert(
      fc.property(fc.uuid(), code6, (parcelId, proposed) => {
        const codes = pickupCandidates(parcelId, proposed);
        expect(codes[0]).toBe(proposed);
        expect(codes).toHaveLength(1 + DERIVED_PICKUP_CODES);
        expect(new Set(codes).size).toBe(codes.length);
        for (const code of codes) expect(code).toMatch(/^\d{6}$/);
        expect(pickupCandidates(parcelId, proposed)).toEqual(codes);
      }),
    );
  });

  it('a code claimed by a waiting parcel is not given to another; the next candidate is', () => {
    const centre = new MemoryCentre();
    const first = logArgs('123456');
    expectApplied(centre.run('parcel.log', first));
    expect(centre.get('parcels', first.parcelId)?.pickupCode).toBe('123456');
    expect(centre.get('pickupCodes', pickupCodeId('123456'))).toMatchObject({ parcelId: first.parcelId, active: true });

    const second = logArgs('123456');
    expectApplied(centre.run('parcel.log', second));
    const given = centre.get('parcels', second.parcelId)!.pickupCode;
    expect(given).toBe(pickupCandidates(second.parcelId, '123456')[1]);
    expect(centre.get('pickupCodes', pickupCodeId('123456'))?.parcelId).toBe(first.parcelId);
  });

  it('many parcels proposing the same code all wait under different codes', () => {
    const centre = new MemoryCentre();
    const codes = new Set<string>();
    for (let i = 0; i < 9; i++) {
      const args = logArgs('000000');
      expectApplied(centre.run('parcel.log', args));
      codes.add(centre.get('parcels', args.parcelId)!.pickupCode);
    }
    expect(codes.size).toBe(9);
    const waiting = centre.all('pickupCodes').filter((c) => c.active);
    expect(waiting).toHaveLength(9);
  });

  it('a code released by a handover or a return is claimed again by a later parcel', () => {
    const centre = new MemoryCentre();
    const collected = logArgs('654321', { customerId: addVillager(centre) });
    expectApplied(centre.run('parcel.log', collected));
    expectApplied(centre.run('parcel.handover', { parcelId: collected.parcelId, method: 'code', code: '654321' }));
    expect(centre.get('pickupCodes', pickupCodeId('654321'))?.active).toBe(false);

    const next = logArgs('654321');
    expectApplied(centre.run('parcel.log', next));
    expect(centre.get('parcels', next.parcelId)?.pickupCode).toBe('654321');
    expect(centre.get('pickupCodes', pickupCodeId('654321'))).toMatchObject({ parcelId: next.parcelId, active: true });

    expectApplied(centre.run('parcel.return', { parcelId: next.parcelId }));
    expect(centre.get('pickupCodes', pickupCodeId('654321'))?.active).toBe(false);
    const third = logArgs('654321');
    expectApplied(centre.run('parcel.log', third));
    expect(centre.get('parcels', third.parcelId)?.pickupCode).toBe('654321');
  });

  it('random logs, handovers and returns: no two waiting parcels ever share a code', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('log', 'handover', 'return'), fc.integer({ min: 0, max: 3 }), fc.nat()), { maxLength: 40 }), (steps) => {
        const centre = new MemoryCentre();
        const pool = ['111111', '222222', '333333', '444444'];
        for (const [step, pick, which] of steps) {
          const waiting = centre.all('parcels').filter((p) => p.status === 'waiting');
          if (step === 'log') expectApplied(centre.run('parcel.log', logArgs(pool[pick]!)));
          else if (waiting.length > 0) {
            const parcel = waiting[which % waiting.length]!;
            const args = step === 'handover' ? { parcelId: parcel.id, method: 'code', code: parcel.pickupCode } : { parcelId: parcel.id };
            expectApplied(centre.run(`parcel.${step}`, args));
          }
          const codes = centre.all('parcels').filter((p) => p.status === 'waiting').map((p) => p.pickupCode);
          expect(new Set(codes).size).toBe(codes.length);
          for (const code of codes) expect(centre.get('pickupCodes', pickupCodeId(code))?.active).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
