import Link from "next/link";

/**
 * The confirmation step before a manage link's irreversible change (cancelling, deleting data): a
 * plain form, so it works with JavaScript off.
 */
export function ConfirmStep(props: {
  title: string;
  who: string;
  explain: string;
  action: (form: FormData) => Promise<void>;
  fields: Record<string, string>;
  confirm: string;
  keep: { href: string; label: string };
}) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{props.title}</h1>
      <p className="text-lg">{props.who}</p>
      <p>{props.explain}</p>
      <div className="flex flex-wrap items-center gap-4">
        <form action={props.action}>
          {Object.entries(props.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="rounded-lg bg-red-700 px-5 py-2 font-semibold text-white">
            {props.confirm}
          </button>
        </form>
        <Link href={props.keep.href} className="text-brand-700 underline">
          {props.keep.label}
        </Link>
      </div>
    </div>
  );
}
