/**
 * The app's mark (the house of the icon), drawn inline: the tab's icon file
 * is then fetched once, for the browser, not again for the bars.
 */
export function BrandMark({ size }: { size: number }) {
  return (
    <svg class="brand-mark" width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <rect width="48" height="48" rx="11" fill="#1f6f50" />
      <path d="M9 23 24 11l15 12" fill="none" stroke="#f5f3ee" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round" />
      <path d="M13 22.5 24 14l11 8.5V36a1 1 0 0 1-1 1H14a1 1 0 0 1-1-1z" fill="#f5f3ee" />
      <circle cx="24" cy="19" r="2" fill="#d9a43a" />
      <rect x="21" y="27.5" width="6" height="9.5" fill="#d9a43a" />
      <path d="M16 25h4M28 25h4" stroke="#3b4a42" stroke-width="1.2" stroke-linecap="round" />
    </svg>
  );
}
