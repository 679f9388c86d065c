import { CountyFrame } from '../features/county/CountyFrame';

/** /county: the county admin area's frame (its own sign-in, no tablet needed). */
export function CountyRoute() {
  return <CountyFrame />;
}
