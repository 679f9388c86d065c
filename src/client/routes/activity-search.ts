/** Search params of the activity screen, parsed leniently: a bad value is ignored. */
export interface ActivitySearch {
  /** Local calendar day, YYYY-MM-DD; today when absent. */
  day?: string;
  staff?: string;
  /** The seven days up to `day` instead of that day alone. */
  span?: 'week';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseActivitySearch(search: Record<string, unknown>): ActivitySearch {
  const result: ActivitySearch = {};
  if (typeof search['day'] === 'string' && DAY.test(search['day'])) result.day = search['day'];
  if (typeof search['staff'] === 'string' && search['staff']) result.staff = search['staff'];
  if (search['span'] === 'week') result.span = 'week';
  return result;
}
