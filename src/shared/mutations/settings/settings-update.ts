import * as v from 'valibot';
import { CENTRE_PHONE_MAX, CENTRE_PHONE_PATTERN, CENTRE_SETTINGS_ID, SETTING_RANGES, settingsOf, type CentreSettings, type SettingName } from '../../domain/centre-settings';
import type { MutationDef, RowChange } from '../types';

const setting = (name: SettingName) =>
  v.optional(v.pipe(v.number(), v.integer(), v.minValue(SETTING_RANGES[name].min), v.maxValue(SETTING_RANGES[name].max)));

const schema = v.strictObject({
  patch: v.strictObject({
    historyMonths: setting('historyMonths'),
    notShippedDays: setting('notShippedDays'),
    notCollectedDays: setting('notCollectedDays'),
    returnAfterDays: setting('returnAfterDays'),
    creditLimitFen: setting('creditLimitFen'),
    // Printed on receipts; '' clears it.
    centrePhone: v.optional(v.pipe(v.string(), v.maxLength(CENTRE_PHONE_MAX), v.regex(CENTRE_PHONE_PATTERN))),
  }),
});
export type SettingsUpdateArgs = v.InferOutput<typeof schema>;

/**
 * An admin changes some of the centre's settings. Only the values named in
 * the patch change, so two admins changing different values offline both stand;
 * for one value, the change the server applies last wins.
 */
export const settingsUpdate: MutationDef<SettingsUpdateArgs> = {
  kind: 'settings.update',
  schema,
  reads: () => [{ table: 'settings', id: CENTRE_SETTINGS_ID }],
  decide(args, state, ctx) {
    const current = state.get('settings', CENTRE_SETTINGS_ID);
    const patch = Object.fromEntries(Object.entries(args.patch).filter(([, value]) => value !== undefined));
    const row: CentreSettings = current
      ? { ...current, ...patch, updatedAt: ctx.now }
      : { id: CENTRE_SETTINGS_ID, centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId, ...settingsOf(undefined), ...patch };
    const change: RowChange = { table: 'settings', row };
    return { ok: true, changes: [change] };
  },
};
