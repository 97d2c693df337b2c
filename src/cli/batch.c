int cmd_batch(int argc, char **argv); int cmd_batch(int argc, char **argv){(void)argc;(void)argv;return 2;}
