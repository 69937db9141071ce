import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/console-shell";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "VSM Console", template: "%s · VSM Console" },
  description: "Operator console for the Viable System Model",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <ConsoleShell>{children}</ConsoleShell>
      </body>
    </html>
  );
}
