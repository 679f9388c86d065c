import { useDevice } from '../../data/device';
import { useCentrePhone } from '../../data/queries/settings';
import { useFormat } from '../../ui/format';

/** The centre's name in the tablet's language and its phone ('' when none), for a printout's head. */
export function useCentreHeading(): { name: string; phone: string } {
  const fmt = useFormat();
  const device = useDevice();
  const phone = useCentrePhone() ?? '';
  return { name: device ? fmt.name(device.centre.name) : '', phone };
}
