// A Go client of the bridge, generated from proto/ with Debian's packages (README: "From your
// language"). It shows, one JSON line per step on stdout: the server's version, a container (as
// Go decoded it, re-encoded in base64 so a test can compare it with LXD's own answer), a
// NOT_FOUND with its ErrorInfo decoded, an operation event, and an exec with stdin, stdout,
// stderr and the exit code.
//
//	go-client unix:/run/lxd-grpc-bridge/bridge.sock CONTAINER
package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	lxdv1 "github.com/lxd-grpc-bridge/lxd-grpc-bridge/gen/go/lxd/api/v1"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
)

func emit(step string, fields map[string]interface{}) {
	fields["step"] = step
	line, err := json.Marshal(fields)
	check(err)
	fmt.Println(string(line))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-client:", err)
		os.Exit(1)
	}
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go-client ADDRESS CONTAINER")
		os.Exit(2)
	}
	address, name := os.Args[1], os.Args[2]
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// The default unix socket: its file mode is the access control, so no TLS on it (over TCP:
	// grpc.WithTransportCredentials(credentials.NewClientTLSFromFile("ca.crt", ""))).
	conn, err := grpc.DialContext(ctx, address, grpc.WithInsecure(), grpc.WithBlock())
	check(err)
	defer conn.Close()
	servers := lxdv1.NewServerServiceClient(conn)
	containers := lxdv1.NewContainerServiceClient(conn)
	events := lxdv1.NewEventServiceClient(conn)

	server, err := servers.GetServer(ctx, &lxdv1.GetServerRequest{})
	check(err)
	env := server.GetServer().GetEnvironment()
	emit("server", map[string]interface{}{
		"server_version": env.GetServerVersion(),
		"api_version":    server.GetServer().GetApiVersion(),
		"auth":           server.GetServer().GetAuth(),
	})

	got, err := containers.GetContainer(ctx, &lxdv1.GetContainerRequest{Name: name})
	check(err)
	raw, err := proto.Marshal(got.GetContainer())
	check(err)
	emit("container", map[string]interface{}{
		"name":   got.GetContainer().GetName(),
		"status": got.GetContainer().GetStatus(),
		"etag":   got.GetEtag(),
		"proto":  base64.StdEncoding.EncodeToString(raw),
	})

	_, err = containers.GetContainer(ctx, &lxdv1.GetContainerRequest{Name: name + "-missing"})
	st := status.Convert(err)
	fields := map[string]interface{}{"code": st.Code().String(), "message": st.Message()}
	for _, detail := range st.Details() {
		if info, ok := detail.(*errdetails.ErrorInfo); ok {
			fields["reason"] = info.GetReason()
			fields["domain"] = info.GetDomain()
			fields["metadata"] = info.GetMetadata()
		}
	}
	emit("not_found", fields)

	// Subscribe first (the headers say the subscription is live), then cause an event.
	stream, err := events.GetEvents(ctx, &lxdv1.GetEventsRequest{Types: []string{"operation"}})
	check(err)
	_, err = stream.Header()
	check(err)

	exec, err := containers.ExecContainer(ctx)
	check(err)
	check(exec.Send(&lxdv1.ExecContainerRequest{
		Name: name,
		Input: &lxdv1.ExecContainerRequest_Exec{Exec: &lxdv1.ContainerExecPost{
			Command: []string{"sh", "-c", "cat; echo to-stderr >&2; exit 3"},
		}},
	}))
	check(exec.Send(&lxdv1.ExecContainerRequest{
		Input: &lxdv1.ExecContainerRequest_Stdin{Stdin: []byte("hello from go\n")},
	}))
	check(exec.Send(&lxdv1.ExecContainerRequest{
		Input: &lxdv1.ExecContainerRequest_CloseStdin{CloseStdin: true},
	}))
	check(exec.CloseSend())
	var stdout, stderr []byte
	exitCode := int64(-1)
	for {
		reply, err := exec.Recv()
		if err == io.EOF {
			break
		}
		check(err)
		switch out := reply.GetOutput().(type) {
		case *lxdv1.ExecContainerResponse_Stdout:
			stdout = append(stdout, out.Stdout...)
		case *lxdv1.ExecContainerResponse_Stderr:
			stderr = append(stderr, out.Stderr...)
		case *lxdv1.ExecContainerResponse_Exit:
			exitCode = out.Exit.GetExitCode()
		}
	}

	event, err := stream.Recv()
	check(err)
	emit("event", map[string]interface{}{
		"type":      event.GetEvent().GetType(),
		"operation": event.GetOperation().GetId(),
	})

	emit("exec", map[string]interface{}{
		"stdout":    string(stdout),
		"stderr":    string(stderr),
		"exit_code": exitCode,
	})
}
