import type { ComponentChildren } from 'preact';
import { Icon } from './Icon';

/**
 * An alert above every screen, one line high so it never pushes the work off
 * a phone: its title, and its action. The rest of what it says opens on a tap
 * of the title (a native disclosure, so keyboards and screen readers follow).
 */
export function Banner({ tone, role, testId, title, action, children }: {
  tone: 'danger' | 'warning';
  role: 'alert' | 'status';
  testId: string;
  title: string;
  action?: ComponentChildren;
  children?: ComponentChildren;
}) {
  return (
    <div class={`banner banner-${tone}`} role={role} data-testid={testId}>
      <Icon name="warning" />
      {children ? (
        <details class="banner-text banner-details">
          <summary data-testid={`${testId}-toggle`}>
            <strong>{title}</strong>
          </summary>
          <div class="banner-more">{children}</div>
        </details>
      ) : (
        <strong class="banner-text">{title}</strong>
      )}
      {action}
    </div>
  );
}
