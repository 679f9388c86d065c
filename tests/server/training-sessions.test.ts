import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { seedDemoIfEmpty } from '../../src/server/seed/demo';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { Staff } from '../../src/shared/domain/entities';
import type { PullResponse } from '../../src/shared/protocol/messages';
import { attendanceIdFor, quizAnswerIdFor } from '../../src/shared/training/sessions';
import { villagerProgress } from '../../src/shared/training/progress';
import { addSignedStaff, TEST_PINS } from '../support/signing';
import { makeCentre, type TestCentre } from './support/centre';
import { pushed, rowOf, rowsOf, villageMutation, villagerArgs } from './support/village';
import { storeKinds, type OpenedStore } from './support/stores';

const title = (en: string) => ({ 'zh-CN': `课 ${en}`, en, ug: `دەرس ${en}` });

describe.each(storeKinds())('trainer sessions on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  let other: TestCentre;
  let trainer: Staff;

  const startArgs = (sessionId = uuidv7()) => ({
    sessionId,
    packId: 'sell-produce-online',
    courseTitle: title('Selling online'),
    scope: 'lesson' as const,
    lessons: [{ id: 'photos', title: title('Photos'), questions: 1 }],
  });
  const answerArgs = (sessionId: string, customerId: string, answer: string | null, correct: boolean) => ({
    sessionId, customerId, lessonId: 'photos', stepId: 'quiz', answer, correct,
  });
  const asTrainer = (k: string, args: unknown) => villageMutation(shop, k, args, trainer.id);
  const newVillager = async (t: TestCentre = shop) => {
    const v = villagerArgs({ name: '阿依古丽' });
    expect(await pushed(app, t, [villageMutation(t, 'customer.create', v)])).toEqual(['applied']);
    return v.customerId;
  };

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'T');
    other = await makeCentre(opened.store, app, 'U');
    const added = await addSignedStaff(opened.store, { centreId: shop.centre.id, name: 'T trainer', role: 'trainer', pin: TEST_PINS.trainer });
    trainer = added.staff;
    shop.signers.set(trainer.id, added.signer);
  });
  afterAll(async () => {
    await opened.dispose();
  });

  it('a trainer runs a session: attendance and answers are kept once each, even when the tablet pushes them again', async () => {
    const villager = await newVillager();
    const start = startArgs();
    const batch = [
      asTrainer('training.sessionStart', start),
      asTrainer('training.attend', { sessionId: start.sessionId, customerId: villager, present: true }),
      asTrainer('training.answer', answerArgs(start.sessionId, villager, 'bright', true)),
      asTrainer('training.sessionEnd', { sessionId: start.sessionId }),
    ];
    expect(await pushed(app, shop, batch)).toEqual(['applied', 'applied', 'applied', 'applied']);
    // A cut link makes the tablet send the same batch again: the same results, no second row.
    expect(await pushed(app, shop, batch)).toEqual(['applied', 'applied', 'applied', 'applied']);

    const attendances = (await rowsOf(opened.store, shop.centre.id, 'attendances')).filter((a) => a.sessionId === start.sessionId);
    const answers = (await rowsOf(opened.store, shop.centre.id, 'quizAnswers')).filter((a) => a.sessionId === start.sessionId);
    expect(attendances).toEqual([expect.objectContaining({ id: attendanceIdFor(start.sessionId, villager), customerId: villager, present: true })]);
    expect(answers).toEqual([expect.objectContaining({ id: quizAnswerIdFor(start.sessionId, villager, 'photos', 'quiz'), answer: 'bright', correct: true })]);
    const session = await rowOf(opened.store, shop.centre.id, 'trainingSessions', start.sessionId);
    expect(session?.endedAt).not.toBeNull();
    expect(villagerProgress([session!], attendances, answers)).toEqual([
      expect.objectContaining({ lessonId: 'photos', correct: 1, questions: 1, completedAt: session!.endedAt }),
    ]);
  });

  it('refuses another centre’s villager, an unknown or ended session, and answers from someone not marked present', async () => {
    const villager = await newVillager();
    const stranger = await newVillager(other);
    const start = startArgs();
    expect(
      await pushed(app, shop, [
        asTrainer('training.sessionStart', start),
        asTrainer('training.attend', { sessionId: start.sessionId, customerId: stranger, present: true }),
        asTrainer('training.attend', { sessionId: uuidv7(), customerId: villager, present: true }),
        asTrainer('training.answer', answerArgs(start.sessionId, villager, 'bright', true)),
        asTrainer('training.answer', answerArgs(start.sessionId, villager, null, true)),
        asTrainer('training.sessionEnd', { sessionId: start.sessionId }),
        asTrainer('training.attend', { sessionId: start.sessionId, customerId: villager, present: true }),
        asTrainer('training.sessionEnd', { sessionId: start.sessionId }),
      ]),
    ).toEqual(['applied', 'unknown_customer', 'unknown_session', 'not_attending', 'invalid_args', 'applied', 'session_ended', 'session_ended']);
    // The other centre's tablet cannot touch this centre's session.
    expect(await pushed(app, other, [villageMutation(other, 'training.sessionEnd', { sessionId: startArgs().sessionId }, other.admin.id)])).toEqual([
      'unknown_session',
    ]);
  });

  it('trainers and admins run sessions; clerks may not', async () => {
    const start = startArgs();
    expect(await pushed(app, shop, [villageMutation(shop, 'training.sessionStart', start, shop.clerk.id)])).toEqual(['not_permitted']);
    expect(await pushed(app, shop, [villageMutation(shop, 'training.sessionStart', start, shop.admin.id)])).toEqual(['applied']);
    expect(await pushed(app, shop, [villageMutation(shop, 'training.sessionEnd', { sessionId: start.sessionId }, shop.clerk.id)])).toEqual(['not_permitted']);
  });

  it('the demo centre has past sessions, so its villagers’ pages show lessons completed and scores', async () => {
    const demo = await kind.open();
    try {
      const { centre } = await seedDemoIfEmpty(demo.store);
      const sessions = await rowsOf(demo.store, centre.id, 'trainingSessions');
      const attendances = await rowsOf(demo.store, centre.id, 'attendances');
      const answers = await rowsOf(demo.store, centre.id, 'quizAnswers');
      expect(sessions.length).toBeGreaterThanOrEqual(2);
      expect(sessions.every((s) => s.endedAt !== null)).toBe(true);
      const mine = (id: string) => villagerProgress(sessions, attendances.filter((a) => a.customerId === id), answers.filter((a) => a.customerId === id));
      const customers = await rowsOf(demo.store, centre.id, 'customers');
      const twice = customers.find((c) => c.name === '买买提·艾力')!;
      expect(mine(twice.id)).toEqual([
        expect.objectContaining({ lessonId: 'photos', correct: 1, questions: 1 }),
        expect.objectContaining({ lessonId: 'open-shop', correct: 1, questions: 1 }),
      ]);
    } finally {
      await demo.dispose();
    }
  });

  it('a villager merged into another keeps their progress through the survivor', async () => {
    const twin = await newVillager();
    const survivor = await newVillager();
    const start = startArgs();
    expect(
      await pushed(app, shop, [
        asTrainer('training.sessionStart', start),
        asTrainer('training.attend', { sessionId: start.sessionId, customerId: twin, present: true }),
        villageMutation(shop, 'customer.merge', { survivorId: survivor, mergedId: twin }, shop.admin.id),
        // Answered on a tablet that had not heard of the merge yet: still kept.
        asTrainer('training.answer', answerArgs(start.sessionId, twin, 'dark', false)),
        asTrainer('training.sessionEnd', { sessionId: start.sessionId }),
      ]),
    ).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    const session = (await rowOf(opened.store, shop.centre.id, 'trainingSessions', start.sessionId))!;
    const mine = <R extends { customerId: string }>(rows: R[]) => rows.filter((r) => r.customerId === twin || r.customerId === survivor);
    const attendances = mine(await rowsOf(opened.store, shop.centre.id, 'attendances'));
    const answers = mine(await rowsOf(opened.store, shop.centre.id, 'quizAnswers'));
    // The survivor's page reads the ids merged into them, as for orders.
    expect(villagerProgress([session], attendances, answers)).toEqual([expect.objectContaining({ lessonId: 'photos', correct: 0, questions: 1 })]);
  });
  it('sends sessions only to tablets of protocol 5 and later: an older tablet would refuse a page holding them', async () => {
    const start = startArgs();
    expect(await pushed(app, shop, [asTrainer('training.sessionStart', start)])).toEqual(['applied']);
    const sessionsPulled = async (protocol: number) => {
      const ids: string[] = [];
      for (let cursor = 0; ; ) {
        const reply = await app.request(`/api/sync/pull?after=${cursor}&limit=50&protocol=${protocol}`, { headers: { authorization: `Bearer ${shop.device.token}` } });
        const page = (await reply.json()) as PullResponse;
        ids.push(...((page.rows.trainingSessions ?? []) as { id: string }[]).map((r) => r.id));
        cursor = page.cursor;
        if (!page.hasMore) return ids;
      }
    };
    expect(await sessionsPulled(4)).toEqual([]);
    expect(await sessionsPulled(5)).toContain(start.sessionId);
  });
});
