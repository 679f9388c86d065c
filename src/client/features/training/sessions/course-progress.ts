import type { LocalizedName } from '../../../../shared/domain/entities';
import type { SessionSummary } from '../../../../shared/training/progress';
import type { Attendance, TrainingSession } from '../../../../shared/training/sessions';

/** A course's figures for the centre: its sessions, who came, and who completed which lesson. */
export interface CourseProgress {
  packId: string;
  courseTitle: LocalizedName;
  sessions: SessionSummary[];
  /** Villagers marked present in any of its sessions. */
  villagers: number;
  lessons: { id: string; title: LocalizedName; completedBy: number }[];
  /** Villagers who completed every lesson taught so far. */
  completedAll: number;
}

/**
 * Groups session summaries by course. Completion: a villager present in an
 * ended session has completed its lessons (attendances already resolved to survivors).
 */
export function courseProgress(summaries: readonly SessionSummary[], attendances: readonly Attendance[]): CourseProgress[] {
  const byPack = new Map<string, SessionSummary[]>();
  for (const s of summaries) byPack.set(s.session.packId, [...(byPack.get(s.session.packId) ?? []), s]);
  return [...byPack.entries()].map(([packId, sessions]) => {
    const ids = new Set(sessions.map((s) => s.session.id));
    const present = attendances.filter((a) => a.present && ids.has(a.sessionId));
    const sessionById = new Map<string, TrainingSession>(sessions.map((s) => [s.session.id, s.session]));
    const lessonTitles = new Map<string, LocalizedName>();
    for (const s of [...sessions].reverse()) for (const l of s.session.lessons) if (!lessonTitles.has(l.id)) lessonTitles.set(l.id, l.title);
    const completed = new Map<string, Set<string>>();
    for (const a of present) {
      const session = sessionById.get(a.sessionId)!;
      if (session.endedAt === null) continue;
      for (const l of session.lessons) completed.set(l.id, (completed.get(l.id) ?? new Set()).add(a.customerId));
    }
    const villagers = new Set(present.map((a) => a.customerId));
    const lessonIds = [...lessonTitles.keys()];
    const completedAll = [...villagers].filter((v) => lessonIds.every((id) => completed.get(id)?.has(v))).length;
    return {
      packId,
      courseTitle: sessions[0]!.session.courseTitle,
      sessions,
      villagers: villagers.size,
      lessons: lessonIds.map((id) => ({ id, title: lessonTitles.get(id)!, completedBy: completed.get(id)?.size ?? 0 })),
      completedAll,
    };
  });
}
