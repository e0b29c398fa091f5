// A feature list shaped like a real free account's accounts-check answer (2023–2025 answers carry
// ~20–60 names). The probe reads open only from a full list, so every stand-in of chatgpt.com
// (unit tests' fake, the e2e simulator) answers with one like it.
export const FREE_ACCOUNT_FEATURES = [
  'beta_features',
  'bizmodel_experiment_1',
  'browsing_available',
  'chat_preferences_available',
  'data_controls_enabled',
  'data_deletion_enabled',
  'data_export_enabled',
  'dfw_message_feedback',
  'disable_team_upgrade_ui',
  'infinite_scroll_history',
  'log_intercom_events',
  'log_statsig_events',
  'model_switcher',
  'new_model_switcher_20230512',
  'plugins_available',
  'priority_driven_models_list',
  'shareable_links',
  'show_existing_user_age_confirmation_modal',
  'user_settings_announcements',
  'new_plugin_oauth_endpoint',
  'enterprise_upgrade_banner',
];
