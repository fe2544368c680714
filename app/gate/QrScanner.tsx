"use client";
// The camera for the gate: each ticket's QR code read is handed over as its code (the same ticket
// held up is handed over once every few seconds, not every frame).
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { decodeQr } from "@/app/components/qr/decode";

export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const t = useTranslations("Gate");
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const lastScan = useRef({ code: "", at: 0 });
  const onCodeRef = useRef(onCode);
  const [scanning, setScanning] = useState(false);
  const [notice, setNotice] = useState("");

  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  const stop = () => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    setScanning(false);
  };
  useEffect(() => stop, []);

  useEffect(() => {
    if (!scanning) return;
    let cancelled = false;
    const tick = async () => {
      const video = videoRef.current;
      const canvas = canvasRef.current;
      if (!cancelled && video && canvas && video.readyState >= 2) {
        const code = await decodeQr(video, canvas).catch(() => null);
        const now = Date.now();
        if (code && (code !== lastScan.current.code || now - lastScan.current.at > 4000)) {
          lastScan.current = { code, at: now };
          onCodeRef.current(code);
        }
      }
      if (!cancelled) setTimeout(tick, 250);
    };
    void tick();
    return () => {
      cancelled = true;
    };
  }, [scanning]);

  const start = async () => {
    setNotice("");
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      streamRef.current = stream;
      if (videoRef.current) {
        videoRef.current.srcObject = stream;
        await videoRef.current.play();
      }
      setScanning(true);
    } catch {
      setNotice(t("cameraUnavailable"));
    }
  };

  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={scanning ? stop : start}
        className="w-full rounded-md border-2 border-brand-700 px-4 py-3 font-semibold text-brand-800"
      >
        {scanning ? t("scanStop") : t("scanStart")}
      </button>
      <video ref={videoRef} muted playsInline className={scanning ? "w-full rounded" : "hidden"} aria-label={t("cameraHelp")} />
      <canvas ref={canvasRef} className="hidden" />
      {notice && <p className="font-medium text-red-800">{notice}</p>}
    </div>
  );
}
