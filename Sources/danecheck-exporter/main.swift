import DaneExporter
import Foundation

// A client that goes away mid-answer must give an error, not kill the exporter with SIGPIPE.
signal(SIGPIPE, SIG_IGN)

exit(await ExporterMain.main(Array(CommandLine.arguments.dropFirst())))
