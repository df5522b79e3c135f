/** PluginStorage keys the WPS entry page and the pane share (an add-in's pages share its PluginStorage). */
export const PANE_ID_KEY = "kaohe.paneId";
export const CHECK_ON_OPEN_KEY = "kaohe.checkOnOpen";
