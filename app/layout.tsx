import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "VSM Console", template: "%s · VSM Console" },
  description: "Operator console for the Viable System Model",
};

/** The document alone: the console's frame is in the (console) and (admin) layouts, behind sign-in. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
