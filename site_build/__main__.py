from site_build.cli import main

raise SystemExit(main())
