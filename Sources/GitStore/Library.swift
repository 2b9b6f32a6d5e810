internal import CLibGit2
