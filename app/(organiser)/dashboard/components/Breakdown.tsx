/** A small table of counts by category, with a bar for each row (the table is the accessible form). */
export function Breakdown({
  title,
  rows,
  categoryLabel,
  countLabel,
}: {
  title: string;
  rows: { label: string; count: number }[];
  categoryLabel: string;
  countLabel: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-base font-semibold">{title}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{categoryLabel}</th>
            <th scope="col">{countLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="w-28 py-1 pr-2 font-normal">
                {row.label}
              </th>
              <td className="py-1">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="inline-block h-3 rounded bg-brand-700" style={{ width: `${(row.count / max) * 70}%` }} />
                  <span className="tabular-nums">{row.count}</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
