/** Search params of the lesson player: which step is open (from 1), so a reload opens the same one. */
export interface LessonSearch {
  step?: number;
}

export function parseLessonSearch(search: Record<string, unknown>): LessonSearch {
  const step = Number(search['step']);
  return Number.isInteger(step) && step >= 1 && step <= 1000 ? { step } : {};
}
