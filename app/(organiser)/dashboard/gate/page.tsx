import { getLocale, getTranslations } from "next-intl/server";
import { organiserForPage } from "@/lib/auth/guard";
import { getDashboardEvent } from "@/lib/dashboard/context";
import { gateWalkTimes, getGateBoard, listDuplicateScans, listGatePasses } from "@/lib/gate/queries";
import { defaultPassWindow, toZonedInput } from "@/lib/gate/time";
import { AutoRefresh } from "../components/AutoRefresh";
import { NewPassForm } from "./NewPassForm";
import { RevokeButton } from "./RevokeButton";

export const dynamic = "force-dynamic";

/** Race day: the gate passes volunteers' phones sign in with, the double scans, and the gate board. */
export default async function GatePage() {
  const actor = await organiserForPage();
  const locale = (await getLocale()) as "en" | "es";
  const t = await getTranslations("Dashboard");
  const event = await getDashboardEvent(actor, locale);
  if (!event) return <p>{t("noEvent")}</p>;
  const [walk, passes, duplicates, board] = await Promise.all([
    gateWalkTimes(actor, event.id),
    listGatePasses(actor, event.id),
    listDuplicateScans(actor, event.id),
    getGateBoard(actor, event.id),
  ]);
  const window = defaultPassWindow(walk);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: walk.timezone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: walk.timezone });
  const desk = t("gate.desk");
  const maxFive = Math.max(1, ...board.perFiveMinutes.map((b) => b.count));
  const th = "p-2";

  return (
    <div className="space-y-8">
      <AutoRefresh seconds={5} />
      <div>
        <h1 className="text-2xl font-bold">{t("gate.title")}</h1>
        <p className="text-sm text-slate-700">{t("gate.intro")}</p>
      </div>

      <section aria-labelledby="board-heading" className="space-y-3">
        <h2 id="board-heading" className="text-xl font-semibold">
          {t("gate.board")}
        </h2>
        <p className="text-3xl font-bold tabular-nums" data-testid="gate-checked-in">
          {t("gate.checkedInOfExpected", { checkedIn: board.checkedIn, expected: board.expected })}
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm">
            <caption className="p-2 text-left font-semibold">{t("gate.perPass")}</caption>
            <thead className="border-b border-slate-300">
              <tr>
                <th scope="col" className={th}>{t("gate.pass")}</th>
                <th scope="col" className={th}>{t("gate.checkIns")}</th>
              </tr>
            </thead>
            <tbody>
              {board.perPass.length === 0 && (
                <tr>
                  <td colSpan={2} className={th}>{t("gate.noCheckIns")}</td>
                </tr>
              )}
              {board.perPass.map((p) => (
                <tr key={p.passId ?? "desk"} className="border-b border-slate-100">
                  <td className={th}>{p.label ?? desk}</td>
                  <td className={`${th} tabular-nums`}>{p.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm">
            <caption className="p-2 text-left font-semibold">{t("gate.perFiveMinutes")}</caption>
            <thead className="border-b border-slate-300">
              <tr>
                <th scope="col" className={th}>{t("gate.from")}</th>
                <th scope="col" className={th}>{t("gate.checkIns")}</th>
              </tr>
            </thead>
            <tbody>
              {board.perFiveMinutes.length === 0 && (
                <tr>
                  <td colSpan={2} className={th}>{t("gate.noCheckIns")}</td>
                </tr>
              )}
              {board.perFiveMinutes.map((b) => (
                <tr key={b.at.toISOString()} className="border-b border-slate-100">
                  <td className={th}>{when.format(b.at)}</td>
                  <td className={th}>
                    <span className="inline-block h-3 rounded bg-brand-700 align-middle" style={{ width: `${(b.count / maxFive) * 8}rem` }} aria-hidden="true" />{" "}
                    <span className="tabular-nums">{b.count}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="passes-heading" className="space-y-3">
        <h2 id="passes-heading" className="text-xl font-semibold">
          {t("gate.passes")}
        </h2>
        <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm">
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className={th}>{t("gate.pass")}</th>
              <th scope="col" className={th}>{t("gate.window")}</th>
              <th scope="col" className={th}>{t("gate.lastContact")}</th>
              <th scope="col" className={th}>{t("gate.checkIns")}</th>
              <th scope="col" className={th}>{t("gate.state")}</th>
            </tr>
          </thead>
          <tbody>
            {passes.length === 0 && (
              <tr>
                <td colSpan={5} className={th}>{t("gate.noPasses")}</td>
              </tr>
            )}
            {passes.map((p) => (
              <tr key={p.id} className="border-b border-slate-100" data-testid="gate-pass-row">
                <th scope="row" className={`${th} font-medium`}>{p.label}</th>
                <td className={th}>
                  {when.format(p.opensAt)} – {when.format(p.closesAt)}
                </td>
                <td className={th}>{p.lastSeenAt ? when.format(p.lastSeenAt) : t("gate.never")}</td>
                <td className={`${th} tabular-nums`}>{p._count.checkIns}</td>
                <td className={th}>
                  <RevokeButton passId={p.id} label={p.label} revoked={p.revokedAt ? t("gate.revokedAt", { when: when.format(p.revokedAt) }) : undefined} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <NewPassForm defaults={{ opensAt: toZonedInput(window.opensAt, walk.timezone), closesAt: toZonedInput(window.closesAt, walk.timezone) }} />
      </section>

      <section aria-labelledby="doubles-heading" className="space-y-3">
        <h2 id="doubles-heading" className="text-xl font-semibold">
          {t("gate.doubleScans")}
        </h2>
        <p className="text-sm text-slate-700">{t("gate.doubleScansIntro")}</p>
        <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm">
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className={th}>{t("gate.ticket")}</th>
              <th scope="col" className={th}>{t("gate.firstScan")}</th>
              <th scope="col" className={th}>{t("gate.secondScan")}</th>
            </tr>
          </thead>
          <tbody>
            {duplicates.length === 0 && (
              <tr>
                <td colSpan={3} className={th}>{t("gate.noDoubleScans")}</td>
              </tr>
            )}
            {duplicates.map((d) => (
              <tr key={d.id} className="border-b border-slate-100">
                <td className={`${th} font-mono`}>{d.ticketCode}</td>
                <td className={th}>
                  {d.firstPass === undefined ? t("gate.undone") : `${d.firstPass ?? desk}${d.firstAt ? `, ${time.format(d.firstAt)}` : ""}`}
                </td>
                <td className={th}>
                  {d.pass}, {time.format(d.receivedAt)} ({t("gate.phoneClock", { time: time.format(d.deviceAt) })})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
