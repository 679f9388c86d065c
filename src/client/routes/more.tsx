import '../features/orders/orders.css';
import { MoreScreen } from '../features/more/MoreScreen';

// Every role opens More; its rows follow the role (roleMaySee).
export const MoreRoute = MoreScreen;
