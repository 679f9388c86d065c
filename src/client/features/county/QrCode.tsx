import { QrCode as SharedQrCode } from '../../ui/QrCode';

/** The enrolment code's QR in the county's look (the shared drawing lives in ui/QrCode). */
export function QrCode({ text, label, size = 192 }: { text: string; label: string; size?: number }) {
  return <SharedQrCode text={text} label={label} size={size} class="county-qr" />;
}
