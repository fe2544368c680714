"use client";
// "Forget this walk": sends what waits first when there is a network; otherwise (or if sending
// fails) says how many check-ins would be lost and asks again; then deletes everything stored.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { waitingCount } from "@/lib/gate-phone/queue";
import { forgetEverything, gateDb } from "@/lib/gate-phone/store";
import { flushQueue } from "@/lib/gate-phone/sync";

export function ForgetWalk({ onForgotten }: { onForgotten: () => void }) {
  const t = useTranslations("Gate");
  const [step, setStep] = useState<"idle" | "sending" | "confirm">("idle");
  const [unsent, setUnsent] = useState(0);

  const forget = async () => {
    await forgetEverything();
    setStep("idle");
    onForgotten();
  };

  const start = async () => {
    if (navigator.onLine && waitingCount(await gateDb().queue.toArray()) > 0) {
      setStep("sending");
      await flushQueue();
    }
    const left = waitingCount(await gateDb().queue.toArray());
    if (left === 0) return forget();
    setUnsent(left);
    setStep("confirm");
  };

  return (
    <section aria-labelledby="gate-forget" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="gate-forget" className="text-lg font-semibold">
        {t("forgetTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("forgetHelp")}</p>
      {step === "confirm" ? (
        <div className="space-y-2 rounded border-l-4 border-red-700 bg-red-50 p-3">
          <p className="font-semibold text-red-900">{t("forgetWarn", { count: unsent })}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => void forget()} className="rounded-md bg-red-800 px-4 py-2 font-semibold text-white">
              {t("forgetConfirm")}
            </button>
            <button type="button" onClick={() => setStep("idle")} className="rounded-md border border-slate-500 px-4 py-2 font-semibold">
              {t("forgetKeep")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          disabled={step === "sending"}
          onClick={() => void start()}
          className="rounded-md border-2 border-red-800 px-4 py-2 font-semibold text-red-900 disabled:opacity-60"
        >
          {step === "sending" ? t("forgetSending") : t("forget")}
        </button>
      )}
    </section>
  );
}
