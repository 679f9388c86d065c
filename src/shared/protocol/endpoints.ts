/** HTTP paths of the API, shared by the server and the tablet. */
export const API = {
  health: '/api/health',
  enrol: '/api/enrol',
  push: '/api/sync/push',
  pull: '/api/sync/pull',
} as const;
