/// The fixed files of a briefing project made by `dossier new` (see ``ProjectScaffold``).
enum ProjectTemplates {
    /// The project's Makefile: finds the `dossier` binary on `PATH` and includes the
    /// `dossier.mk` installed with it — the same rules Dossier's own repository uses.
    static let makefile = """
        # A Dossier briefing project (made by `dossier new`).
        #
        #   make          build every reports/<name>/report.md: one target per figure, then the PDF
        #   make check    rebuild each report in a temporary folder and compare with reports/*/out
        #   make clean    remove make's state (.build/make), not the committed outputs
        #
        # After a CSV edit, only the charts that read it are redrawn, then the PDF. A second `make`
        # does nothing. The rules are Dossier's dossier.mk, installed with the dossier binary
        # (<prefix>/share/dossier/dossier.mk; `dossier --print-mk-path` prints it).

        # The dossier binary: the first on PATH, unless given (`make DOSSIER=/path/to/dossier`).
        ifndef DOSSIER
        DOSSIER := $(firstword $(wildcard $(addsuffix /dossier,$(subst :, ,$(PATH)))))
        endif
        ifeq ($(DOSSIER),)
        $(error dossier is not on PATH: install it (make install, or the Debian package) or run make DOSSIER=/path/to/dossier)
        endif
        # dossier.mk beside the binary (no process started), else where the binary says it is.
        DOSSIER_MK := $(or $(wildcard $(dir $(DOSSIER))../share/dossier/dossier.mk),$(shell $(DOSSIER) --print-mk-path))

        include $(DOSSIER_MK)

        """

    /// What git should not track: make's state. The outputs under reports/*/out are committed.
    static let gitignore = """
        # make's state (rules, keys, depfiles, stamps); reports/*/out is committed.
        /.build/

        """

    /// A GitHub Actions workflow: installs the Debian package and runs `make check`.
    static let githubWorkflow = """
        # Checks that the committed reports/*/out are what the data and reports produce.
        # Set the repository variable DOSSIER_DEB_URL (Settings → Secrets and variables → Actions →
        # Variables) to where your team keeps dossier_<version>_amd64.deb (`make deb` in Dossier's
        # repository builds it). Debian 12, as the outputs are byte-identical only with the same
        # Debian packages.
        name: briefing
        on: [push, pull_request]
        jobs:
          check:
            runs-on: ubuntu-latest
            container: debian:12
            steps:
              - uses: actions/checkout@v4
              - name: Install Dossier
                run: |
                  apt-get update -q
                  apt-get install -y -q --no-install-recommends ca-certificates curl make
                  curl -fsSL -o /tmp/dossier.deb "${{ vars.DOSSIER_DEB_URL }}"
                  apt-get install -y -q --no-install-recommends /tmp/dossier.deb
              - name: Check the committed outputs
                run: make check

        """

    /// The same check for GitLab CI.
    static let gitlabCI = """
        # Checks that the committed reports/*/out are what the data and reports produce.
        # Set the CI/CD variable DOSSIER_DEB_URL (Settings → CI/CD → Variables) to where your team
        # keeps dossier_<version>_amd64.deb (`make deb` in Dossier's repository builds it).
        check:
          image: debian:12
          script:
            - apt-get update -q
            - apt-get install -y -q --no-install-recommends ca-certificates curl make
            - curl -fsSL -o /tmp/dossier.deb "$DOSSIER_DEB_URL"
            - apt-get install -y -q --no-install-recommends /tmp/dossier.deb
            - make check

        """
}
