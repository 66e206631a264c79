# Installing Dossier, and its Debian package (included by the Makefile; see docs/install.md).
#
#   make install PREFIX=/usr/local DESTDIR=    the binary, the pinned fonts, dossier.mk,
#                                              completions (bash, zsh, fish), the manual page
#   make uninstall PREFIX=/usr/local DESTDIR=  removes exactly those files
#   make deb                                   $(DEB_DIR)/dossier_<version>_<arch>.deb, checked by lintian
#   make package-test                          the package, extracted, used from an empty PATH
#
# The binary finds its fonts and dossier.mk from its own path: <prefix>/bin/dossier →
# <prefix>/share/dossier/{fonts,dossier.mk}. So the three must move together.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
SHAREDIR = $(PREFIX)/share/dossier
MANDIR = $(PREFIX)/share/man/man1
BASH_COMPLETIONS_DIR = $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS_DIR ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS_DIR = $(PREFIX)/share/fish/vendor_completions.d
DEB_DIR ?= $(BUILD)
COMPLETIONS := $(BUILD)/completions/dossier.bash $(BUILD)/completions/_dossier $(BUILD)/completions/dossier.fish
FONT_FILES := $(sort $(wildcard fonts/*.ttf fonts/*.otf))
FONT_LICENSES := $(sort $(wildcard fonts/LICENSE-*))

.PHONY: install uninstall deb package-test

# swift-argument-parser writes the completion scripts from the command's own definition.
# (A completion file is sourced, not run: no #! line.)
$(BUILD)/completions/dossier.bash: $(DOSSIER) make/package.mk
	@mkdir -p $(@D) && $(DOSSIER) --generate-completion-script bash | sed '1{/^#!/d}' > $@
$(BUILD)/completions/_dossier: $(DOSSIER) make/package.mk
	@mkdir -p $(@D) && $(DOSSIER) --generate-completion-script zsh > $@
$(BUILD)/completions/dossier.fish: $(DOSSIER) make/package.mk
	@mkdir -p $(@D) && $(DOSSIER) --generate-completion-script fish > $@

install: $(DOSSIER) $(COMPLETIONS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/fonts $(DESTDIR)$(MANDIR) \
	  $(DESTDIR)$(BASH_COMPLETIONS_DIR) $(DESTDIR)$(ZSH_COMPLETIONS_DIR) $(DESTDIR)$(FISH_COMPLETIONS_DIR)
	install -m 755 $(DOSSIER) $(DESTDIR)$(BINDIR)/dossier
	install -m 644 $(FONT_FILES) $(FONT_LICENSES) $(DESTDIR)$(SHAREDIR)/fonts/
	install -m 644 make/dossier.mk $(DESTDIR)$(SHAREDIR)/dossier.mk
	install -m 644 docs/dossier.1 $(DESTDIR)$(MANDIR)/dossier.1
	install -m 644 $(BUILD)/completions/dossier.bash $(DESTDIR)$(BASH_COMPLETIONS_DIR)/dossier
	install -m 644 $(BUILD)/completions/_dossier $(DESTDIR)$(ZSH_COMPLETIONS_DIR)/_dossier
	install -m 644 $(BUILD)/completions/dossier.fish $(DESTDIR)$(FISH_COMPLETIONS_DIR)/dossier.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dossier $(DESTDIR)$(MANDIR)/dossier.1 $(DESTDIR)$(SHAREDIR)/dossier.mk \
	  $(DESTDIR)$(BASH_COMPLETIONS_DIR)/dossier $(DESTDIR)$(ZSH_COMPLETIONS_DIR)/_dossier \
	  $(DESTDIR)$(FISH_COMPLETIONS_DIR)/dossier.fish
	rm -f $(addprefix $(DESTDIR)$(SHAREDIR)/fonts/,$(notdir $(FONT_FILES) $(FONT_LICENSES)))
	-rmdir $(DESTDIR)$(SHAREDIR)/fonts $(DESTDIR)$(SHAREDIR) 2>/dev/null

# The package: `make install` into a staging root under /usr, then scripts/package/build-deb.sh
# (stripped binary, compressed manual page and changelog, copyright, control with Depends from
# dpkg-shlibdeps, dpkg-deb --root-owner-group, lintian).
deb: $(DOSSIER) $(COMPLETIONS) | $(PACKAGING_STAMP)
	@rm -rf $(BUILD)/deb/debian
	@$(MAKE) --no-print-directory install DESTDIR=$(BUILD)/deb/debian/dossier PREFIX=/usr \
	  ZSH_COMPLETIONS_DIR=/usr/share/zsh/vendor-completions > /dev/null
	@scripts/package/build-deb.sh $(BUILD)/deb $(DEB_DIR)

# The package as a user meets it: extracted, its binary alone on PATH, outside the repository.
package-test: deb
	+@tests/install/test_deb.sh $(DEB_DIR)
