// Runs before every test file: keep library banners and logs out of test output.
process.env.DOTENV_CONFIG_QUIET = 'true';
if (!process.env.LOG_LEVEL) process.env.LOG_LEVEL = 'silent';
