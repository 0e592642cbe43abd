// "Skanna QR-kod": the camera reads a ticket's QR code. The browser's own BarcodeDetector where it
// exists; otherwise @zxing/browser, loaded only now (never in the door's first load).
import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { ErrorMessage, StatusMessage } from '../ui/Messages';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

export interface ScannerDialogProps {
  isOpen: boolean;
  onClose: () => void;
  onScanned: (text: string) => void;
}

type Stop = () => void;

async function startNative(
  Detector: BarcodeDetectorConstructor,
  video: HTMLVideoElement,
  onText: (text: string) => void,
): Promise<Stop> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment' },
    audio: false,
  });
  video.srcObject = stream;
  await video.play();
  const detector = new Detector({ formats: ['qr_code'] });
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      const [found] = await detector.detect(video);
      if (found?.rawValue && !stopped) {
        onText(found.rawValue);
        return;
      }
    } catch {
      // A frame that could not be read: try the next.
    }
    setTimeout(() => void tick(), 200);
  };
  void tick();
  return () => {
    stopped = true;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
}

async function startZxing(video: HTMLVideoElement, onText: (text: string) => void): Promise<Stop> {
  const { BrowserQRCodeReader } = await import('@zxing/browser');
  const reader = new BrowserQRCodeReader();
  const controls = await reader.decodeFromConstraints(
    { video: { facingMode: 'environment' }, audio: false },
    video,
    (result) => {
      if (result) onText(result.getText());
    },
  );
  return () => controls.stop();
}

export default function ScannerDialog({ isOpen, onClose, onScanned }: ScannerDialogProps) {
  const [element, setElement] = useState<HTMLVideoElement | null>(null);
  const [state, setState] = useState<'starting' | 'scanning' | 'failed'>('starting');
  const scanned = useRef(onScanned);
  scanned.current = onScanned;

  useEffect(() => {
    if (!isOpen || !element) return;
    let stop: Stop | null = null;
    let done = false;
    const onText = (text: string) => {
      if (done) return;
      done = true;
      stop?.();
      scanned.current(text);
    };
    const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
    (Detector ? startNative(Detector, element, onText) : startZxing(element, onText))
      .then((s) => {
        if (done) s();
        else {
          stop = s;
          setState('scanning');
        }
      })
      .catch(() => setState('failed'));
    return () => {
      done = true;
      stop?.();
    };
  }, [isOpen, element]);

  return (
    <Dialog title={t('attendance.scan.title')} isOpen={isOpen} onOpenChange={(open) => !open && onClose()}>
      {state === 'failed' ? (
        <ErrorMessage>{t('attendance.scan.noCamera')}</ErrorMessage>
      ) : (
        <StatusMessage>
          {state === 'starting' ? t('attendance.scan.starting') : t('attendance.scan.instructions')}
        </StatusMessage>
      )}
      <video
        ref={setElement}
        className="door-scanner__video"
        muted
        playsInline
        aria-label={t('attendance.scan.video')}
      />
      <div className="actions">
        <Button variant="secondary" large onPress={onClose}>
          {t('app.close')}
        </Button>
      </div>
    </Dialog>
  );
}
