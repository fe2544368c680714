"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FieldError } from "@/app/components/FieldError";
import { FormSummary, useFormAction } from "@/app/components/forms/useFormAction";
import { decodeQr as decode } from "@/app/components/qr/decode";
import { checkInAction } from "./actions";

export function CheckInDesk() {
  const t = useTranslations("Dashboard.checkin");
  const form = useFormAction(checkInAction);
  const { state } = form;
  const walker = state.result;
  const formRef = useRef<HTMLFormElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const methodRef = useRef<HTMLInputElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const lastScan = useRef<{ code: string; at: number }>({ code: "", at: 0 });
  const [scanning, setScanning] = useState(false);
  const [notice, setNotice] = useState("");

  const submitCode = (code: string, method: "QR" | "SEARCH") => {
    if (!codeRef.current || !methodRef.current || !formRef.current) return;
    codeRef.current.value = code;
    methodRef.current.value = method;
    formRef.current.requestSubmit();
  };

  const stopCamera = () => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    setScanning(false);
  };

  useEffect(() => stopCamera, []);

  useEffect(() => {
    if (!scanning) return;
    let cancelled = false;
    const tick = async () => {
      const video = videoRef.current;
      const canvas = canvasRef.current;
      if (!cancelled && video && canvas && video.readyState >= 2) {
        const code = await decode(video, canvas);
        const now = Date.now();
        // The same ticket held in front of the camera is sent once every few seconds, not every frame.
        if (code && (code !== lastScan.current.code || now - lastScan.current.at > 4000)) {
          lastScan.current = { code, at: now };
          submitCode(code, "QR");
        }
      }
      if (!cancelled) setTimeout(tick, 250);
    };
    void tick();
    return () => {
      cancelled = true;
    };
  }, [scanning]);

  const startCamera = async () => {
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

  const fromImage = async (file: File | undefined) => {
    if (!file || !canvasRef.current) return;
    setNotice("");
    const url = URL.createObjectURL(file);
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      const code = await decode(image, canvasRef.current);
      if (code) submitCode(code, "QR");
      else setNotice(t("noCodeInImage"));
    } catch {
      setNotice(t("noCodeInImage"));
    } finally {
      URL.revokeObjectURL(url);
    }
  };

  const tone =
    walker?.kind === "done" ? "border-green-700 bg-green-50" : walker?.kind === "already" ? "border-amber-600 bg-amber-50" : "border-red-700 bg-red-50";

  return (
    <section aria-labelledby="scan" className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="scan" className="text-lg font-semibold">
        {t("scanTitle")}
      </h2>
      <div className="flex flex-wrap gap-3">
        {scanning ? (
          <button type="button" onClick={stopCamera} className="rounded bg-slate-700 px-4 py-2 font-semibold text-white">
            {t("stopCamera")}
          </button>
        ) : (
          <button type="button" onClick={startCamera} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t("startCamera")}
          </button>
        )}
        <label className="rounded border border-brand-700 px-4 py-2 text-brand-800">
          {t("fromImage")}
          <input type="file" accept="image/*" className="sr-only" onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so that choosing the same photo again (a second scan) is noticed too.
              e.target.value = "";
              void fromImage(file);
            }} />
        </label>
      </div>
      <video ref={videoRef} muted playsInline className={scanning ? "w-full max-w-md rounded" : "hidden"} aria-label={t("cameraHelp")} />
      <canvas ref={canvasRef} className="hidden" />
      {notice && <p className="text-red-800">{notice}</p>}

      {/* The code's own error (none typed); how a check-in went is in the result below. */}
      <FormSummary state={{ fieldErrors: state.fieldErrors }} labels={{ code: t("codeLabel") }} />
      {/* Remounted with each answer: a code that was not found stays to be corrected, a checked-in one goes. */}
      <form key={state.attempt ?? 0} ref={formRef} action={form.action} noValidate className="flex flex-wrap items-end gap-3">
        <input ref={methodRef} type="hidden" name="method" defaultValue="SEARCH" />
        <div>
          <label htmlFor="code" className="block text-sm font-medium">
            {t("codeLabel")}
          </label>
          <input
            ref={codeRef}
            {...form.field("code")}
            autoComplete="off"
            autoCapitalize="characters"
            className="mt-1 rounded border border-slate-400 px-2 py-1 font-mono uppercase"
          />
          <FieldError id="code-error" message={form.error("code")} />
        </div>
        <button type="submit" disabled={form.pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {t("checkInButton")}
        </button>
      </form>

      <div role="status" aria-live="polite" data-testid="checkin-result">
        {state.message && (
          <div className={`rounded border-l-4 p-4 ${tone}`}>
            <p className="text-lg font-semibold">{state.message}</p>
            {walker && (
              <dl className="mt-2 grid grid-cols-2 gap-1 text-sm sm:grid-cols-3">
                <div>
                  <dt className="font-medium">{t("ageBand")}</dt>
                  <dd>{walker.ageBand}</dd>
                </div>
                <div>
                  <dt className="font-medium">{t("tshirt")}</dt>
                  <dd>{walker.tshirtSize || "—"}</dd>
                </div>
                {walker.guardianName && (
                  <div>
                    <dt className="font-medium">{t("guardian")}</dt>
                    <dd>{walker.guardianName}</dd>
                  </div>
                )}
              </dl>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
