import { useParams } from '@tanstack/react-router';
import { guarded } from '../app/guarded';
import { MergeScreen } from '../features/villagers/MergeScreen';
import { RepayScreen } from '../features/villagers/RepayScreen';
import { VillagerFormScreen } from '../features/villagers/VillagerFormScreen';
import { VillagerScreen } from '../features/villagers/VillagerScreen';
import { VillagersScreen } from '../features/villagers/VillagersScreen';

export const VillagersRoute = guarded({ screen: 'villagers' }, function Villagers() {
  return <VillagersScreen />;
});

export const VillagerNewRoute = guarded({ screen: 'villagers', run: 'customer.create' }, function VillagerNew() {
  return <VillagerFormScreen customerId={null} />;
});

export const VillagerRoute = guarded({ screen: 'villagers' }, function Villager() {
  const { customerId } = useParams({ from: '/villagers/$customerId' });
  return <VillagerScreen customerId={customerId} />;
});

export const VillagerEditRoute = guarded({ screen: 'villagers', run: 'customer.update' }, function VillagerEdit() {
  const { customerId } = useParams({ from: '/villagers/$customerId/edit' });
  return <VillagerFormScreen customerId={customerId} />;
});

export const VillagerMergeRoute = guarded({ screen: 'villagers', run: 'customer.merge' }, function VillagerMerge() {
  const { customerId } = useParams({ from: '/villagers/$customerId/merge' });
  return <MergeScreen customerId={customerId} />;
});

export const VillagerRepayRoute = guarded({ screen: 'villagers', run: 'credit.repay' }, function VillagerRepay() {
  const { customerId } = useParams({ from: '/villagers/$customerId/repay' });
  return <RepayScreen customerId={customerId} />;
});
