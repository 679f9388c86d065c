import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenShownContext } from '../../src/client/app/screen-shown';
import { createProduct } from '../../src/client/data/commands';
import { db } from '../../src/client/data/db';
import { ScanButton } from '../../src/client/features/scan/ScanButton';
import { ScannerSheet } from '../../src/client/features/scan/ScannerSheet';
import { useWedgeScanner } from '../../src/client/features/scan/useWedgeScanner';
import { ProductPicker } from '../../src/client/features/sales/ProductPicker';
import en from '../../src/client/i18n/locales/en.json';
import { enrolledTablet, freshTabletEach } from './support';

/** The clock the wedge reads: each key comes `gapMs` after the one before. */
function keysAt(gapMs: number) {
  let now = 1_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return (target: Element, keys: string) => {
    const events: KeyboardEvent[] = [];
    for (const key of [...keys, 'Enter']) {
      now += gapMs;
      const event = new KeyboardEvent('keydown', { key: key === 'Enter' ? 'Enter' : key, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      events.push(event);
    }
    return events.at(-1)!;
  };
}

function WedgeProbe({ onCode }: { onCode(code: string): void }) {
  useWedgeScanner(onCode);
  return <input data-testid="other-field" />;
}

/** The camera answers `getUserMedia` by failing with `name` (or there is no camera API at all). */
function cameraFails(name: string | null) {
  const mediaDevices = name === null ? undefined : { getUserMedia: () => Promise.reject(new DOMException('camera', name)) };
  Object.defineProperty(navigator, 'mediaDevices', { value: mediaDevices, configurable: true });
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A tablet enrolled with one product, rice, whose barcode the tests scan. */
async function riceOnTablet() {
  const centre = await enrolledTablet();
  return createProduct(
    { sku: 'RICE-5', barcode: '6920001001018', names: { 'zh-CN': '大米', en: 'Rice 5 kg' }, unit: 'bag', priceFen: 3990, lowStockThreshold: 2 },
    centre.ctx,
  );
}

describe('a scanner that types (keyboard wedge)', () => {
  freshTabletEach('en');

  it('takes a fast burst ending with Enter as a code, and keeps its Enter from the field', () => {
    const codes: string[] = [];
    render(<WedgeProbe onCode={(c) => codes.push(c)} />);
    const enter = keysAt(8)(screen.getByTestId('other-field'), '6920001001018');
    expect(codes).toEqual(['6920001001018']);
    expect(enter.defaultPrevented).toBe(true);
  });

  it('leaves a person typing into a field alone, Enter included', () => {
    const codes: string[] = [];
    render(<WedgeProbe onCode={(c) => codes.push(c)} />);
    const enter = keysAt(180)(screen.getByTestId('other-field'), '6920001001018');
    expect(codes).toEqual([]);
    expect(enter.defaultPrevented).toBe(false);
  });

  it('ignores a short burst (a quick double key) ending with Enter', () => {
    const codes: string[] = [];
    render(<WedgeProbe onCode={(c) => codes.push(c)} />);
    keysAt(8)(screen.getByTestId('other-field'), '12');
    expect(codes).toEqual([]);
  });

  it('on the sell screen, a known barcode is picked and an unknown one says so', async () => {
    const rice = await riceOnTablet();
    const picked: string[] = [];
    render(<ProductPicker onPick={(id) => picked.push(id)} />);
    const search = await screen.findByTestId('product-search');
    fireEvent.input(search, { target: { value: '6920001001018' } });
    const type = keysAt(8);
    type(search, '6920001001018');
    await waitFor(() => expect(picked).toEqual([rice.id]));
    await waitFor(() => expect((screen.getByTestId('product-search') as HTMLInputElement).value).toBe(''));

    type(screen.getByTestId('product-search'), '4006381333931');
    expect((await screen.findByTestId('scan-message')).textContent).toBe(
      en.scan.unknownProduct.replace('{{code}}', '4006381333931'),
    );
    expect(picked).toEqual([rice.id]);
  });

  it('with the scanner sheet open over the sell screen, the sheet alone takes the code', async () => {
    cameraFails('NotAllowedError');
    const rice = await riceOnTablet();
    const picked: string[] = [];
    render(<ProductPicker onPick={(id) => picked.push(id)} />);
    fireEvent.click(await screen.findByTestId('scan-product'));
    await screen.findByTestId('scanner-camera-problem');
    const type = keysAt(8);
    type(screen.getByTestId('scanner-typed'), '4006381333931');
    expect((await screen.findByTestId('scanner-message')).textContent).toBe(en.scan.unknownProduct.replace('{{code}}', '4006381333931'));
    expect(screen.queryByTestId('scan-message')).toBeNull();

    type(screen.getByTestId('scanner-typed'), '6920001001018');
    await waitFor(() => expect(screen.queryByTestId('scanner')).toBeNull());
    expect(picked).toEqual([rice.id]);
  });
});

describe('a sell screen kept behind another tab', () => {
  freshTabletEach('en');

  it('closes its scanner sheet and leaves a scanner\'s codes alone until it is back', async () => {
    cameraFails('NotAllowedError');
    const rice = await riceOnTablet();
    const picked: string[] = [];
    const picker = (shown: boolean) => (
      <ScreenShownContext.Provider value={shown}>
        <ProductPicker onPick={(id) => picked.push(id)} />
      </ScreenShownContext.Provider>
    );
    const { rerender } = render(picker(true));
    fireEvent.click(await screen.findByTestId('scan-product'));
    await screen.findByTestId('scanner-camera-problem');

    // Another tab opens over it: the sheet (and its camera) goes, and a code scanned there is not the sale's.
    rerender(picker(false));
    await waitFor(() => expect(screen.queryByTestId('scanner')).toBeNull());
    const type = keysAt(8);
    type(document.body, '6920001001018');

    // Back on view, a scan adds to the sale; the rice scanned elsewhere does not.
    rerender(picker(true));
    type(document.body, '6920001001018');
    await waitFor(() => expect(picked).toContain(rice.id));
    // Read after that lookup: one of the code scanned elsewhere, begun before it, would have ended too.
    await db.products.toArray();
    await db.products.toArray();
    expect(picked).toEqual([rice.id]);
  });
});

describe('the scanner sheet', () => {
  freshTabletEach('en');

  it.each([
    ['NotAllowedError', 'refused'],
    ['NotFoundError', 'missing'],
    ['NotReadableError', 'busy'],
  ] as const)('says why the camera gives no picture (%s: %s), and keeps typed entry', async (error, problem) => {
    cameraFails(error);
    render(<ScannerSheet purpose="product" onCode={() => null} onClose={() => undefined} />);
    const shown = await screen.findByTestId('scanner-camera-problem');
    expect(shown.dataset['problem']).toBe(problem);
    expect(shown.textContent).toBe(en.scan.camera[problem]);
    expect(screen.getByTestId('scanner-typed')).toBeTruthy();
  });

  it('with no camera API at all, says there is no camera', async () => {
    cameraFails(null);
    render(<ScannerSheet purpose="parcel" onCode={() => null} onClose={() => undefined} />);
    expect((await screen.findByTestId('scanner-camera-problem')).textContent).toBe(en.scan.camera.missing);
  });

  it('takes a typed code: a refused one shows its message, a taken one closes the sheet', async () => {
    cameraFails('NotAllowedError');
    const onClose = vi.fn();
    const seen: string[] = [];
    render(
      <ScannerSheet
        purpose="parcel"
        onCode={(code) => {
          seen.push(code);
          return code.length > 5 ? null : 'Too short to be a tracking number';
        }}
        onClose={onClose}
      />,
    );
    const typed = screen.getByTestId('scanner-typed');
    fireEvent.input(typed, { target: { value: '123' } });
    fireEvent.click(screen.getByTestId('scanner-typed-submit'));
    expect((await screen.findByTestId('scanner-message')).textContent).toBe('Too short to be a tracking number');
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.input(typed, { target: { value: ' SF1400123456789 ' } });
    fireEvent.click(screen.getByTestId('scanner-typed-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(seen).toEqual(['123', 'SF1400123456789']);
  });
  it('closed, gives focus back to its button; a taken code that moves on to the next field keeps focus there', async () => {
    cameraFails('NotAllowedError');
    function Form() {
      return (
        <>
          <ScanButton
            purpose="parcel"
            wide
            testId="scan-tracking"
            onCode={() => {
              document.querySelector<HTMLInputElement>('[data-testid="next-field"]')!.focus();
              return null;
            }}
          />
          <input data-testid="next-field" />
        </>
      );
    }
    render(<Form />);
    fireEvent.click(screen.getByTestId('scan-tracking'));
    fireEvent.click(await screen.findByTestId('scanner-close'));
    await waitFor(() => expect(screen.queryByTestId('scanner')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('scan-tracking'));

    fireEvent.click(screen.getByTestId('scan-tracking'));
    fireEvent.input(await screen.findByTestId('scanner-typed'), { target: { value: 'SF1400123456789' } });
    fireEvent.click(screen.getByTestId('scanner-typed-submit'));
    await waitFor(() => expect(screen.queryByTestId('scanner')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('next-field'));
  });

  it('keeps Tab inside the sheet: past its last control focus comes back to its first, and Shift+Tab goes round the other way', async () => {
    cameraFails('NotAllowedError');
    render(
      <>
        <button type="button">behind the sheet</button>
        <ScannerSheet purpose="product" onCode={() => null} onClose={() => undefined} />
      </>,
    );
    await screen.findByTestId('scanner-camera-problem');
    const sheet = screen.getByTestId('scanner');
    const controls = [...sheet.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled])')];
    const first = controls[0]!;
    const last = controls[controls.length - 1]!;
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });
});
