/** HTTP paths of the API, shared by the server and the tablet. */
export const API = {
  health: '/api/health',
  enrol: '/api/enrol',
  push: '/api/sync/push',
  pull: '/api/sync/pull',
  /** Since protocol 6: a fresh tablet's closed history, whole villagers at a time. */
  history: '/api/sync/history',
} as const;
