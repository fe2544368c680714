import { ClientMessages } from "@/app/components/i18n/ClientMessages";

// The manage link's pages: their forms use the manage and sign-up texts only.
export default function ManageLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["Manage", "Register"]}>{children}</ClientMessages>;
}
