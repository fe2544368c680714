"use client";
// The gate page: a volunteer's phone checks walkers in from the walk's list kept in IndexedDB, with
// or without a network; what it does waits in a queue and is sent when the network is there
// (lib/gate-phone/). Every text is in the page (the language's messages come with it), so it works
// from the service worker's copy with no network (docs/decisions/012-gate-offline.md).
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { MAX_SEARCH_RESULTS, matchesSearch, normaliseTicketCode, searchWords } from "@/lib/gate-phone/names";
import type { Verdict } from "@/lib/gate-phone/lookup";
import { undoTimeLeft, waitingCount } from "@/lib/gate-phone/queue";
import { checkInTicket, forgetEverything, gateDb, readMeta, searchWalkers, undoCheckIn } from "@/lib/gate-phone/store";
import { flushQueue, refreshList } from "@/lib/gate-phone/sync";
import type { GateMeta, QueueItem, StoredWalker } from "@/lib/gate-phone/types";
import { ForgetWalk } from "./ForgetWalk";
import { QrScanner } from "./QrScanner";
import { useLive } from "./useLive";
import { WalkUpForm } from "./WalkUpForm";

const REFRESH_EVERY_MS = 60_000;
const SEND_EVERY_MS = 15_000;
const STALE_AFTER_MS = 5 * 60_000;
/** The pass id of a walk this phone was told to forget: it does not download that list again by itself. */
const FORGOTTEN_KEY = "funwalk-gate-forgotten";

type Shown =
  | { kind: "verdict"; verdict: Verdict; checkinId?: string }
  | { kind: "empty" }
  | { kind: "walkUp"; name: string }
  | { kind: "undone"; name: string }
  | { kind: "undoTooLate" };

function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const fullName = (w: Pick<StoredWalker, "firstName" | "lastName">) => `${w.firstName} ${w.lastName}`;

export function GateApp() {
  const t = useTranslations("Gate");
  const tr = useTranslations("Register");
  const locale = useLocale() as "en" | "es";
  const format = useFormatter();
  const online = useOnline();
  const now = useNow(5_000);
  const meta = useLive<GateMeta | undefined>(readMeta, undefined);
  const queue = useLive<QueueItem[]>(() => gateDb().queue.toArray(), []);
  const walkerCount = useLive(() => gateDb().walkers.count(), 0);
  const [refused, setRefused] = useState<{ message: string; reason?: string } | null>(null);
  const [ended, setEnded] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [code, setCode] = useState("");
  const [search, setSearch] = useState("");
  const [found, setFound] = useState<StoredWalker[] | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const stopped = refused !== null || ended || forgotten;
  const stoppedRef = useRef(stopped);
  useEffect(() => {
    stoppedRef.current = stopped;
  }, [stopped]);

  const refresh = useCallback(async () => {
    if (stoppedRef.current || !navigator.onLine) return;
    const answer = await refreshList();
    if ("refused" in answer && answer.refused) setRefused({ message: answer.message || t("noPass"), reason: answer.reason });
  }, [t]);

  const send = useCallback(async () => {
    if (stoppedRef.current || !navigator.onLine) return;
    const answer = await flushQueue();
    if ("refused" in answer && answer.refused) setRefused({ message: answer.message || t("noPass"), reason: answer.reason });
  }, [t]);

  // The service worker, for this page alone (scope /gate): the page opens again with no network.
  useEffect(() => {
    if ("serviceWorker" in navigator) void navigator.serviceWorker.register("/gate-sw/sw.js", { scope: "/gate", type: "module" }).catch(() => undefined);
  }, []);

  // First open: download the list (unless this walk was forgotten here), and send what waits.
  useEffect(() => {
    void (async () => {
      const stored = await readMeta();
      const forgottenPass = localStorage.getItem(FORGOTTEN_KEY);
      if (!stored.pass && forgottenPass && navigator.onLine) {
        const status = await fetch("/api/gate/status", { cache: "no-store" }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
        if (status?.pass?.id === forgottenPass) return setForgotten(true);
        localStorage.removeItem(FORGOTTEN_KEY);
      }
      if (!stored.pass) setDownloading(true);
      await send();
      await refresh();
      setDownloading(false);
    })();
  }, [refresh, send]);

  // While online: the list every minute, the queue every 15 s, and both as soon as the network returns.
  useEffect(() => {
    const list = setInterval(() => void refresh(), REFRESH_EVERY_MS);
    const queued = setInterval(() => void send(), SEND_EVERY_MS);
    const back = () => void send().then(refresh);
    window.addEventListener("online", back);
    return () => {
      clearInterval(list);
      clearInterval(queued);
      window.removeEventListener("online", back);
    };
  }, [refresh, send]);

  // The pass's window is over: nothing of the walk stays on the phone.
  // Read from IndexedDB at each tick, not from the last rendered copy: whatever changed the stored pass counts.
  useEffect(() => {
    void readMeta().then((stored) => {
      if (stored.pass && Date.parse(stored.pass.closesAt) <= now) return forgetEverything().then(() => setEnded(true));
    });
  }, [now]);

  const lookUp = async (typed: string) => {
    if (!normaliseTicketCode(typed)) {
      setShown({ kind: "empty" });
      return;
    }
    const answer = await checkInTicket(typed);
    setShown({ kind: "verdict", verdict: answer.verdict, checkinId: answer.checkinId });
    if (answer.verdict.kind === "admit") {
      setCode("");
      void send();
    }
    if (found) setFound(await searchWalkers(searchWords(search), MAX_SEARCH_RESULTS + 1, (w) => matchesSearch(w, searchWords(search))));
  };

  const undo = async (checkinId: string, name: string) => {
    const plan = await undoCheckIn(checkinId);
    setShown(plan.kind === "tooLate" ? { kind: "undoTooLate" } : { kind: "undone", name });
    if (plan.kind === "queue") void send();
  };

  const onSearch = async (value: string) => {
    setSearch(value);
    const words = searchWords(value);
    setFound(words.length ? await searchWalkers(words, MAX_SEARCH_RESULTS + 1, (w) => matchesSearch(w, words)) : null);
  };

  const onForgotten = () => {
    if (meta?.pass) localStorage.setItem(FORGOTTEN_KEY, meta.pass.id);
    setForgotten(true);
    setShown(null);
    setFound(null);
  };

  const waiting = waitingCount(queue);
  const refreshedAt = meta?.lastRefreshAt ? Date.parse(meta.lastRefreshAt) : null;
  const stale = refreshedAt !== null && now - refreshedAt > STALE_AFTER_MS;
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });
  const answers = queue
    .filter((i) => i.state === "rejected" || (i.state === "done" && (i.outcome === "duplicate" || i.outcome === "walkup_created")))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, 20);

  const statusBar = (
    <section aria-label={t("title")} className="space-y-1 rounded-lg bg-white p-3 text-sm shadow-sm">
      <p aria-live="polite" data-testid="gate-network" className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true" className={`inline-block size-3 rounded-full ${online ? "bg-green-700" : "bg-red-700"}`} />
        {online ? t("online") : t("offline")}
      </p>
      <p data-testid="gate-waiting">{t("waiting", { count: waiting })}</p>
      {meta?.pass && (
        <p data-testid="gate-refreshed" className={stale ? "font-semibold text-red-800" : undefined}>
          {refreshedAt === null ? t("refreshedNever") : t("refreshedAgo", { minutes: Math.floor(Math.max(0, now - refreshedAt) / 60_000) })}
          {" · "}
          {t("walkerCount", { count: walkerCount })}
        </p>
      )}
      {stale && <p className="rounded border-l-4 border-red-700 bg-red-50 p-2 font-medium text-red-900">{t("refreshedStale")}</p>}
      {online && meta?.pass && !stopped && (
        <div className="flex gap-2 pt-1">
          <button type="button" onClick={() => void refresh()} className="rounded border border-brand-700 px-3 py-1 text-brand-800">
            {t("refreshNow")}
          </button>
          {waiting > 0 && (
            <button type="button" onClick={() => void send()} className="rounded border border-brand-700 px-3 py-1 text-brand-800">
              {t("sendNow")}
            </button>
          )}
        </div>
      )}
    </section>
  );

  const heading = (
    <header className="space-y-1">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {meta?.walk && meta.pass && <p className="font-medium text-slate-800">{t("walkPass", { walk: meta.walk.name[locale], label: meta.pass.label })}</p>}
    </header>
  );

  if (refused !== null || ended || forgotten) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        {heading}
        <div role="status" data-testid="gate-stopped" className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4">
          {/* A pass that worked and is now revoked or closed; a phone that never had one only needs the sentence. */}
          {(refused?.reason === "revoked" || refused?.reason === "closed") && <h2 className="font-semibold">{t("refusedTitle")}</h2>}
          <p className="text-lg">{refused?.message ?? (ended ? t("ended") : t("forgotten"))}</p>
        </div>
      </div>
    );
  }

  if (!meta) return <p className="text-center">{t("loading")}</p>;

  if (!meta.pass) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        {heading}
        <p>{t("intro")}</p>
        {statusBar}
        <p role="status" className="rounded-lg bg-white p-4 shadow-sm">
          {downloading && online ? t("downloading") : online ? t("noPass") : t("noPassOffline")}
        </p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-lg space-y-4">
      {heading}
      {statusBar}

      <section aria-labelledby="gate-ticket" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="gate-ticket" className="text-lg font-semibold">
          {t("ticketTitle")}
        </h2>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void lookUp(code);
          }}
          className="space-y-2"
        >
          <label htmlFor="gate-code" className="block font-medium">
            {t("codeLabel")}
          </label>
          <p id="gate-code-hint" className="text-sm text-slate-700">
            {t("codeHint")}
          </p>
          <div className="flex gap-2">
            <input
              id="gate-code"
              ref={codeRef}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-describedby="gate-code-hint"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2 font-mono text-lg uppercase"
            />
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
              {t("checkIn")}
            </button>
          </div>
        </form>
        <QrScanner onCode={(scanned) => void lookUp(scanned)} />
        <div role="status" aria-live="polite" data-testid="gate-result">
          {shown && <Result shown={shown} now={now} time={time} onUndo={undo} />}
        </div>
      </section>

      <section aria-labelledby="gate-search" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="gate-search" className="text-lg font-semibold">
          {t("searchTitle")}
        </h2>
        <label htmlFor="gate-search-input" className="block font-medium">
          {t("searchLabel")}
        </label>
        <input
          id="gate-search-input"
          type="search"
          value={search}
          onChange={(e) => void onSearch(e.target.value)}
          autoComplete="off"
          className="block w-full rounded-md border border-slate-400 px-3 py-2 text-base"
        />
        {found && found.length === 0 && <p>{t("searchNone")}</p>}
        {found && found.length > 0 && (
          <ul className="divide-y divide-slate-200" aria-label={t("searchTitle")}>
            {found.slice(0, MAX_SEARCH_RESULTS).map((w) => (
              <li key={w.ticketCode} className="flex items-center justify-between gap-2 py-2">
                <div>
                  <p className="font-medium">{fullName(w)}</p>
                  <p className="text-sm text-slate-700">
                    <span className="font-mono">{w.ticketCode}</span> · {tr(`ageBands.${w.ageBand}` as never)} ·{" "}
                    {w.status === "CONFIRMED" && w.checkedIn ? t("status.checkedIn") : t(`status.${w.status}`)}
                  </p>
                </div>
                <button
                  type="button"
                  onClick={() => void lookUp(w.ticketCode)}
                  aria-label={t("checkInNamed", { name: fullName(w) })}
                  className="shrink-0 rounded-md bg-brand-700 px-3 py-2 font-semibold text-white"
                >
                  {t("checkIn")}
                </button>
              </li>
            ))}
          </ul>
        )}
        {found && found.length > MAX_SEARCH_RESULTS && <p className="text-sm text-slate-700">{t("searchMore")}</p>}
      </section>

      <details className="rounded-lg bg-white p-4 shadow-sm">
        <summary className="cursor-pointer text-lg font-semibold">{t("walkUp.title")}</summary>
        <div className="mt-3">
          <WalkUpForm
            onAdmitted={(name) => {
              setShown({ kind: "walkUp", name });
              codeRef.current?.scrollIntoView({ block: "center" });
              void send();
            }}
          />
        </div>
      </details>

      {answers.length > 0 && (
        <section aria-labelledby="gate-answers" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
          <h2 id="gate-answers" className="text-lg font-semibold">
            {t("answersTitle")}
          </h2>
          <ul className="space-y-1" data-testid="gate-answers">
            {answers.map((item) => (
              <li key={item.id} className={item.state === "rejected" ? "text-red-900" : "text-slate-800"}>
                {item.state === "rejected"
                  ? t("answerRejected", { what: item.ticketCode ?? item.name ?? "", message: item.message?.[locale] ?? "" })
                  : item.outcome === "duplicate"
                    ? t("answerDuplicate", { code: item.ticketCode ?? "" })
                    : t("answerWalkUp", { name: item.name ?? "", code: item.ticketCode ?? "" })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ForgetWalk onForgotten={onForgotten} />
    </div>
  );
}

function Result({
  shown,
  now,
  time,
  onUndo,
}: {
  shown: Shown;
  now: number;
  time: (iso: string) => string;
  onUndo: (checkinId: string, name: string) => void;
}) {
  const t = useTranslations("Gate");
  const tr = useTranslations("Register");
  const good = "border-green-700 bg-green-50";
  const warn = "border-amber-600 bg-amber-50";
  const bad = "border-red-700 bg-red-50";
  const box = (tone: string, sentence: string, extra?: React.ReactNode) => (
    <div className={`rounded border-l-4 p-4 ${tone}`}>
      <p className="text-lg font-semibold">{sentence}</p>
      {extra}
    </div>
  );
  if (shown.kind === "empty") return box(bad, t("resultEmpty"));
  if (shown.kind === "walkUp") return box(good, t("resultWalkUp", { name: shown.name }));
  if (shown.kind === "undone") return box(warn, t("undone", { name: shown.name }));
  if (shown.kind === "undoTooLate") return box(bad, t("undoTooLate"));
  const v = shown.verdict;
  if (v.kind === "unknown") return box(bad, t("resultUnknown", { code: v.ticketCode }));
  const name = fullName(v.walker);
  const details = (
    <dl className="mt-2 grid grid-cols-2 gap-1 text-sm">
      <div>
        <dt className="font-medium">{t("ageBand")}</dt>
        <dd>{tr(`ageBands.${v.walker.ageBand}` as never)}</dd>
      </div>
      <div>
        <dt className="font-medium">{t("tshirt")}</dt>
        <dd>{v.walker.tshirtSize ? tr(`tshirtSizes.${v.walker.tshirtSize}` as never) : t("noTshirt")}</dd>
      </div>
      {v.walker.guardianName && (
        <div className="col-span-2">
          <dt className="font-medium">{t("guardian")}</dt>
          <dd>{v.walker.guardianName}</dd>
        </div>
      )}
    </dl>
  );
  const checkinId = v.kind === "admit" ? shown.checkinId : v.kind === "alreadyHere" ? v.checkinId : undefined;
  const at = v.kind === "alreadyHere" ? v.at : undefined;
  const undoButton =
    checkinId && (at === undefined || undoTimeLeft(at, new Date(now)) > 0) ? (
      <button type="button" onClick={() => onUndo(checkinId, name)} className="mt-3 rounded-md border border-slate-600 px-3 py-2 font-semibold">
        {t("undo")}
      </button>
    ) : null;
  if (v.kind === "admit")
    return box(
      good,
      t("resultAdmit", { name }),
      <>
        {details}
        {undoButton}
      </>,
    );
  if (v.kind === "alreadyHere")
    return box(
      warn,
      t("resultAlreadyHere", { name, time: time(v.at) }),
      <>
        {details}
        {undoButton}
      </>,
    );
  if (v.kind === "already") return box(warn, t("resultAlready", { name }), details);
  if (v.kind === "cancelled") return box(bad, t("resultCancelled", { name }));
  return box(bad, t("resultWaiting", { name }));
}
