import type { PackRefusalReason } from '../../shared/packs/pack-api';

/** Why a pack was refused as a whole: nothing of it was stored. */
export type PackRefusal = PackRefusalReason;

export class PackRefused extends Error {
  constructor(
    readonly reason: PackRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'PackRefused';
  }
}
