/** The WPS task pane: the one UI (ui/pane.ts) over the WPS host. */
/// <reference types="et-jsapi-declare" />
import "../ui/started";
import type { WpsApp } from "../hosts/wps/et";
import { wpsHost } from "../hosts/wps";
import { startPane } from "../ui/pane";
import { CHECK_ON_OPEN_KEY } from "./keys";

const app = (window as unknown as { Application: WpsApp }).Application;
const pane = startPane(wpsHost(app));
// 「校验整个工作簿」 on the ribbon opened the pane: check now.
if (app.PluginStorage.getItem(CHECK_ON_OPEN_KEY)) {
  app.PluginStorage.removeItem(CHECK_ON_OPEN_KEY);
  void pane.validate();
}
