// "Your devices and data" in the account console: Vigil's server-rendered page for the signed-in user,
// same origin, so the browser's SSO session authenticates it as it does the console itself.
import { jsx } from "react/jsx-runtime";

const realmPath = window.location.pathname.replace(/\/account(\/.*)?$/, "");

export default function VigilData() {
  return jsx("iframe", {
    id: "vigil-data-frame",
    title: "Your devices and data",
    src: `${realmPath}/vigil-privacy/account/`,
    style: { width: "100%", minHeight: "80vh", border: "none" },
  });
}
